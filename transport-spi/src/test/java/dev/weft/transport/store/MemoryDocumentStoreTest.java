package dev.weft.transport.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryDocumentStoreTest {
  @Test
  void appendLoadCompact() {
    MemoryDocumentStore store = new MemoryDocumentStore();
    List<byte[]> ups = FileDocumentStoreTest.updates(4);
    ups.forEach(u -> store.append("d", u));
    assertEquals(4, store.load("d").size());
    assertArrayEquals(ups.get(2), store.load("d").get(2));
    assertTrue(store.load("none").isEmpty());
    store.compact("d");
    assertEquals(1, store.size("d"));
    Doc doc = new Doc(5);
    doc.applyUpdate(store.load("d").get(0));
    assertEquals(4, doc.getMap("m").size());
  }

  @Test
  void append_copiesTheBytes() {
    MemoryDocumentStore store = new MemoryDocumentStore();
    byte[] u = FileDocumentStoreTest.updates(1).get(0);
    byte[] copy = u.clone();
    store.append("d", u);
    u[0] = 99;
    assertArrayEquals(copy, store.load("d").get(0));
  }
}
