package dev.weft.transport.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDocumentStoreTest {
  @TempDir
  Path dir;

  /** Updates of a document where client 1 sets keys k0..k(n-1), one transaction each. */
  static List<byte[]> updates(int n) {
    Doc doc = new Doc(1);
    List<byte[]> out = new ArrayList<>();
    doc.onUpdate((u, origin, tx) -> out.add(u));
    for (int i = 0; i < n; i++) {
      doc.getMap("m").set("k" + i, "v" + i);
    }
    return out;
  }

  private static void assertSameUpdates(List<byte[]> expected, List<byte[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "update " + i);
    }
  }

  @Test
  void appendThenLoad_inOrder_acrossReopen() throws IOException {
    List<byte[]> ups = updates(5);
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      for (byte[] u : ups) {
        store.append("doc", u);
      }
      assertSameUpdates(ups, store.load("doc"));
    }
    try (FileDocumentStore again = new FileDocumentStore(dir)) {
      assertSameUpdates(ups, again.load("doc"));
      assertTrue(again.load("other").isEmpty());
    }
  }

  @Test
  void tornLastRecord_isDropped_andAppendsContinue() throws IOException {
    List<byte[]> ups = updates(3);
    Path file;
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      for (byte[] u : ups) {
        store.append("doc", u);
      }
      file = store.file("doc");
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 2));
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      assertSameUpdates(ups.subList(0, 2), store.load("doc"));
      store.append("doc", ups.get(2));
    }
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      assertSameUpdates(ups, store.load("doc"));
    }
  }

  @Test
  void zeroFilledTail_isTorn() throws IOException {
    List<byte[]> ups = updates(2);
    Path file;
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      ups.forEach(u -> append(store, u));
      file = store.file("doc");
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length + 100));
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      assertSameUpdates(ups, store.load("doc"));
    }
    assertEquals(bytes.length, Files.size(file));
  }

  @Test
  void damageBeforeTheLastRecord_isCorruption_notSilentLoss() throws IOException {
    List<byte[]> ups = updates(3);
    Path file;
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      ups.forEach(u -> append(store, u));
      file = store.file("doc");
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[LogFormat.HEADER.length + LogFormat.RECORD_OVERHEAD] ^= 0x40; // first payload byte
    Files.write(file, bytes);
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      CorruptLogException e = assertThrows(CorruptLogException.class, () -> store.load("doc"));
      assertEquals(LogFormat.HEADER.length, e.offset());
    }
    assertEquals(bytes.length, Files.size(file), "the file is left alone");
  }

  @Test
  void badHeader_isCorruption() throws IOException {
    Files.write(dir.resolve(FileDocumentStore.fileName("doc")), "NOTALOG!xxxx".getBytes());
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      assertThrows(CorruptLogException.class, () -> store.load("doc"));
    }
  }

  @Test
  void partialHeader_isANewEmptyLog() throws IOException {
    Files.write(dir.resolve(FileDocumentStore.fileName("doc")), Arrays.copyOf(LogFormat.HEADER, 3));
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      assertTrue(store.load("doc").isEmpty());
      store.append("doc", updates(1).get(0));
      assertEquals(1, store.load("doc").size());
    }
  }

  @Test
  void compact_replacesTheLogByOneMergedRecord_withTheSameContent() throws IOException {
    List<byte[]> ups = updates(10);
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      ups.forEach(u -> append(store, u));
      store.compact("doc");
      List<byte[]> after = store.load("doc");
      assertEquals(1, after.size());
      store.append("doc", updates(11).get(10));
      assertEquals(2, store.load("doc").size());
      Doc expected = new Doc(9);
      ups.forEach(expected::applyUpdate);
      Doc actual = new Doc(9);
      actual.applyUpdate(after.get(0));
      assertEquals(expected.getMap("m").toJson(), actual.getMap("m").toJson());
    }
    assertFalse(Files.exists(LogFile.compactionTemp(dir.resolve(FileDocumentStore.fileName("doc")))));
  }

  @Test
  void leftoverCompactionFile_isDiscardedOnOpen() throws IOException {
    List<byte[]> ups = updates(2);
    Path tmp = LogFile.compactionTemp(dir.resolve(FileDocumentStore.fileName("doc")));
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      ups.forEach(u -> append(store, u));
    }
    Files.write(tmp, new byte[] {1, 2, 3});
    try (FileDocumentStore store = new FileDocumentStore(dir)) {
      assertSameUpdates(ups, store.load("doc"));
    }
    assertFalse(Files.exists(tmp));
  }

  @Test
  void fileName_escapesEverythingOutsideLowerAlnum() {
    assertEquals("room-1_a.log", FileDocumentStore.fileName("room-1_a"));
    assertEquals("%2E%2E%2Fx%41.log", FileDocumentStore.fileName("../xA"));
    assertEquals("%C3%A9.log", FileDocumentStore.fileName("é"));
    assertThrows(IllegalArgumentException.class, () -> FileDocumentStore.fileName(""));
  }

  private static void append(DocumentStore store, byte[] u) {
    try {
      store.append("doc", u);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
