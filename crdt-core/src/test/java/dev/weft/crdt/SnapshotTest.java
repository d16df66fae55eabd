package dev.weft.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.encoding.DecodingException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guards of {@link Snapshot} that the yjs vectors do not reach. */
class SnapshotTest {
  @Test
  void createDocFromSnapshot_needsGcOff() {
    Doc doc = new Doc(1);
    doc.getArray("a").push(1);
    Snapshot s = Snapshot.of(doc);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Snapshot.createDocFromSnapshot(doc, s));
    assertTrue(e.getMessage().contains("setGc(false)"), e.getMessage());
  }

  @Test
  void createDocFromSnapshot_aheadOfTheDocument_isRefusedAndChangesNothing() {
    Doc ahead = new Doc(1);
    ahead.getArray("a").push(1, 2, 3);
    Doc behind = new Doc(2);
    behind.setGc(false);
    behind.getArray("a").push("x");
    byte[] before = behind.encodeStateAsUpdate();
    assertThrows(IllegalArgumentException.class, () -> Snapshot.createDocFromSnapshot(behind, Snapshot.of(ahead)));
    assertArrayEquals(before, behind.encodeStateAsUpdate());
  }

  @Test
  void decode_malformedBytes_raisesTypedErrors() {
    for (String hex : List.of("", "01", "0101", "010101", "00", "0001", "000102", "0000ff")) {
      byte[] bytes = HexFormat.of().parseHex(hex);
      assertThrows(DecodingException.class, () -> Snapshot.decode(bytes), hex);
    }
  }

  @Test
  void contains_comparesVersions() {
    Doc doc = new Doc(1);
    doc.setGc(false);
    YArray a = doc.getArray("a");
    Snapshot empty = Snapshot.of(doc);
    a.push(1, 2, 3);
    Snapshot s1 = Snapshot.of(doc);
    a.delete(0, 1);
    Snapshot s2 = Snapshot.of(doc);
    assertTrue(s2.contains(s1));
    assertTrue(s1.contains(empty));
    assertFalse(s1.contains(s2));
    assertTrue(Snapshot.empty().equals(empty));
    assertEquals(s2, Snapshot.decode(s2.encode()));
    assertTrue(s1.isVisible(1, 0));
    assertFalse(s2.isVisible(1, 0));
    assertEquals(List.of(2, 3), a.toJson(s2));
    assertEquals(List.of(1, 2, 3), a.toJson(s1));
  }

  @Test
  void restore_bringsAnOldVersionBack_asAChangePeersReceive() {
    Doc doc = new Doc(1);
    doc.setGc(false);
    Doc peer = new Doc(2);
    doc.onUpdate((u, o, t) -> peer.applyUpdate(u));
    YMap m = doc.getMap("m");
    m.set("k", "old");
    doc.getArray("a").push(1);
    Snapshot v1 = Snapshot.of(doc);
    m.set("k", "new");
    doc.getArray("a").delete(0, 1);
    doc.getArray("a").push(2);
    Snapshot.restore(doc, v1, "restore");
    assertEquals(java.util.Map.of("k", "old"), m.toJson());
    assertEquals(List.of(1), doc.getArray("a").toJson());
    assertEquals(m.toJson(), peer.getMap("m").toJson());
    assertEquals(List.of(1), peer.getArray("a").toJson());
  }
}
