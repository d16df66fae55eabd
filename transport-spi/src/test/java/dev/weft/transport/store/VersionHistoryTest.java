package dev.weft.transport.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Snapshot;
import dev.weft.crdt.YMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionHistoryTest {
  @TempDir
  Path dir;

  /** A live document whose every update is appended to {@code store} under {@code name}. */
  private static Doc stored(DocumentStore store, String name) {
    Doc doc = new Doc();
    doc.onUpdate((u, origin, tx) -> {
      try {
        store.append(name, u);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return doc;
  }

  @Test
  void versions_surviveARestartOfTheFileStore() throws IOException {
    long[] now = {1_700_000_000_000L};
    List<Object> expected = new ArrayList<>();
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      VersionHistory history = new VersionHistory(store, () -> now[0]);
      Doc doc = stored(store, "notes");
      YMap m = doc.getMap("m");
      m.set("title", "draft");
      m.set("body", "first");
      history.record("notes", "v1");
      expected.add(m.toJson());
      now[0] += 60_000;
      m.set("title", "final");
      m.delete("body");
      history.record("notes", "v2");
      expected.add(m.toJson());
      now[0] += 60_000;
      m.set("extra", 42);
      // a snapshot of the live document works as well as one of the store
      history.record("notes", "", Snapshot.of(doc));
      expected.add(m.toJson());
      m.clear();
    }
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      VersionHistory history = new VersionHistory(store);
      List<VersionHistory.Version> versions = history.versions("notes");
      assertEquals(3, versions.size());
      assertEquals(List.of("v1", "v2", ""), versions.stream().map(VersionHistory.Version::label).toList());
      assertEquals(List.of(Instant.ofEpochMilli(1_700_000_000_000L), Instant.ofEpochMilli(1_700_000_060_000L),
          Instant.ofEpochMilli(1_700_000_120_000L)), versions.stream().map(VersionHistory.Version::time).toList());
      for (int i = 0; i < 3; i++) {
        assertEquals(expected.get(i), history.read("notes", versions.get(i)).getMap("m").toJson(), "version " + i);
        assertEquals(i, versions.get(i).index());
      }
      assertEquals(Map.of(), history.loadWithHistory("notes").getMap("m").toJson());
      // compaction merges updates and keeps every version readable
      store.compact("notes");
      store.compact("notes" + VersionHistory.SUFFIX);
      assertEquals(1, store.load("notes").size());
      List<VersionHistory.Version> again = history.versions("notes");
      assertEquals(versions, again);
      for (int i = 0; i < 3; i++) {
        assertEquals(expected.get(i), history.read("notes", again.get(i)).getMap("m").toJson());
      }
    }
  }

  @Test
  void twoHistoriesOnOneStore_keepBothVersions() throws IOException {
    MemoryDocumentStore store = new MemoryDocumentStore();
    Doc doc = stored(store, "d");
    doc.getArray("a").push(1);
    VersionHistory h1 = new VersionHistory(store, () -> 1);
    VersionHistory h2 = new VersionHistory(store, () -> 2);
    h1.record("d", "one");
    doc.getArray("a").push(2);
    h2.record("d", "two");
    List<VersionHistory.Version> versions = h1.versions("d");
    assertEquals(2, versions.size());
    assertEquals(List.of(1), h2.read("d", versions.get(0)).getArray("a").toJson());
    assertEquals(List.of(1, 2), h2.read("d", versions.get(1)).getArray("a").toJson());
    assertTrue(h1.versions("unknown").isEmpty());
  }

  @Test
  void versions_damagedEntry_raisesATypedError() throws IOException {
    MemoryDocumentStore store = new MemoryDocumentStore();
    Doc bogus = new Doc();
    bogus.onUpdate((u, o, t) -> store.append("d" + VersionHistory.SUFFIX, u));
    bogus.getArray("versions").push(Map.of("time", 1));
    assertThrows(dev.weft.crdt.encoding.DecodingException.class, () -> new VersionHistory(store).versions("d"));
  }
}
