package dev.weft.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.store.FileDocumentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the "Sync and storage" example of the README, and checks that the README shows exactly the
 * code between the region markers below.
 */
class SyncAndStorageReadmeTest {
  @TempDir
  Path dir;

  static SyncHub example(Path dir) throws Exception {
    // region readme
    // server: documents live in append-only logs under dir, loaded on first use
    SyncHub hub = SyncHub.builder().store(new FileDocumentStore(dir)).build();

    // client: a document synced over a transport (in memory here; ws://, redis://... via adapters)
    Doc doc = new Doc();
    SyncSession session = SyncSession.builder(doc).build();
    MemoryTransport.Pair link = MemoryTransport.pair();
    hub.join("notes", link.server(), null);   // an Authorizer may allow, make read-only or deny
    session.attach(link.client());            // handshake: each side sends what the other lacks

    synchronized (doc) {                      // edits hold the lock the session uses
      doc.getMap("settings").set("theme", "dark");
    }                                         // -> sent, fsynced to dir/notes.log, forwarded
    // endregion
    return hub;
  }

  @Test
  void example_storesTheEditDurably() throws Exception {
    SyncHub hub = example(dir);
    Doc copy = new Doc(1);
    for (int i = 0; i < 500 && copy.getMap("settings").get("theme") == null; i++) {
      Thread.sleep(10);
      copy.applyUpdate(hub.encodeStateAsUpdate("notes"));
    }
    hub.close();
    assertEquals("dark", copy.getMap("settings").get("theme"));
    try (FileDocumentStore reopened = new FileDocumentStore(dir)) {
      Doc fromDisk = new Doc(2);
      reopened.load("notes").forEach(fromDisk::applyUpdate);
      assertEquals("dark", fromDisk.getMap("settings").get("theme"));
    }
  }

  @Test
  void readme_showsTheExample() throws Exception {
    Path source = Path.of("src/test/java/dev/weft/transport/SyncAndStorageReadmeTest.java");
    List<String> lines = Files.readAllLines(source);
    String region = lines.subList(indexOf(lines, "// region readme") + 1, indexOf(lines, "// endregion")).stream()
        .map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("## Sync and storage"));
    String code = section.substring(section.indexOf("```java") + 7, section.indexOf("```", section.indexOf("```java") + 7));
    String shown = code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    assertEquals(region, shown);
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("marker not found: " + marker);
  }
}
