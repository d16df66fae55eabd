package dev.weft.transport.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the version history example of the README and checks that the README shows exactly the
 * code between the region markers below.
 */
class VersionHistoryReadmeTest {
  @TempDir
  Path dir;

  static void example(FileDocumentStore store, Doc doc) throws IOException {
    // region readme
    VersionHistory history = new VersionHistory(store);  // versions live next to the document's updates
    doc.getMap("m").set("title", "draft");                // (the hub appends every update to the store)
    history.record("notes", "first draft");               // a snapshot of what the store holds, timed
    doc.getMap("m").set("title", "final");
    for (VersionHistory.Version v : history.versions("notes")) {  // also after a restart
      System.out.println(v.label() + " " + v.time() + " " + history.read("notes", v).getMap("m").toJson());
    }
    // endregion
  }

  @Test
  void example_printsTheRecordedVersion() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      Doc doc = new Doc();
      doc.onUpdate((u, origin, tx) -> {
        try {
          store.append("notes", u);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      example(store, doc);
    } finally {
      System.setOut(saved);
    }
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("first draft "), lines.get(0));
    assertTrue(lines.get(0).endsWith(" {title=draft}"), lines.get(0));
  }

  @Test
  void readme_showsTheExample() throws Exception {
    Path source = Path.of("src/test/java/dev/weft/transport/store/VersionHistoryReadmeTest.java");
    List<String> lines = Files.readAllLines(source);
    String region = lines.subList(indexOf(lines, "// region readme") + 1, indexOf(lines, "// endregion")).stream()
        .map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    String readme = Files.readString(Path.of("../README.md"));
    int at = readme.indexOf("VersionHistory history = new VersionHistory(store);");
    assertTrue(at > 0, "the README shows the version history example");
    String code = readme.substring(readme.lastIndexOf("```java", at) + 7, readme.indexOf("```", at));
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
