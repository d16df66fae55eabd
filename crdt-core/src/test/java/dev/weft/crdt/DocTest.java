package dev.weft.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocTest {
  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @Test
  void mapSet_emitsTheUpdateYjsEmits() {
    Doc doc = new Doc(1);
    List<byte[]> updates = new ArrayList<>();
    doc.onUpdate((u, o, t) -> updates.add(u));
    doc.getMap("m").set("k", "v");
    // yjs 13.6.33: d = new Y.Doc(); d.clientID = 1; d.getMap('m').set('k', 'v')
    assertEquals("010101002801016d016b01770176" + "00", hex(updates.get(0)));
  }

  @Test
  void arrayOps_converge() {
    Doc a = new Doc(10);
    Doc b = new Doc(20);
    a.getArray("l").push(1, 2, 3);
    b.applyUpdate(a.encodeStateAsUpdate());
    a.getArray("l").insert(1, "x");
    b.getArray("l").delete(0, 2);
    a.applyUpdate(b.encodeStateAsUpdate(a.encodeStateVector()));
    b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()));
    assertEquals(List.of("x", 3), a.getArray("l").toJson());
    assertEquals(a.getArray("l").toJson(), b.getArray("l").toJson());
    assertArrayEquals(a.encodeStateAsUpdate(), b.encodeStateAsUpdate());
  }

  @Test
  void concurrentMapSets_higherClientWins() {
    Doc a = new Doc(10);
    Doc b = new Doc(20);
    a.getMap("m").set("k", "C");
    b.getMap("m").set("k", "D");
    byte[] ua = a.encodeStateAsUpdate();
    byte[] ub = b.encodeStateAsUpdate();
    a.applyUpdate(ub);
    b.applyUpdate(ua);
    assertEquals("D", a.getMap("m").get("k"));
    assertEquals("D", b.getMap("m").get("k"));
  }

  @Test
  void updatesOutOfOrder_arePendingUntilTheGapFills() {
    Doc src = new Doc(1);
    List<byte[]> updates = new ArrayList<>();
    src.onUpdate((u, o, t) -> updates.add(u));
    YArray arr = src.getArray("a");
    arr.push("a");
    arr.push("b");
    arr.push("c");
    arr.delete(0, 1);
    Doc dst = new Doc(2);
    for (int i = updates.size() - 1; i >= 0; i--) {
      dst.applyUpdate(updates.get(i));
    }
    assertEquals(List.of("b", "c"), dst.getArray("a").toJson());
    assertArrayEquals(src.encodeStateAsUpdate(), dst.encodeStateAsUpdate());
  }

  @Test
  void pendingData_isRelayedByEncodeStateAsUpdate() {
    Doc src = new Doc(1);
    List<byte[]> updates = new ArrayList<>();
    src.onUpdate((u, o, t) -> updates.add(u));
    src.getArray("a").push("a");
    src.getArray("a").push("b");
    Doc relay = new Doc(2);
    relay.applyUpdate(updates.get(1));
    assertEquals(List.of(), relay.getArray("a").toJson());
    Doc end = new Doc(3);
    end.applyUpdate(updates.get(0));
    end.applyUpdate(relay.encodeStateAsUpdate());
    assertEquals(List.of("a", "b"), end.getArray("a").toJson());
  }

  @Test
  void nestedTypes_roundTrip() {
    Doc a = new Doc(1);
    YMap inner = new YMap();
    inner.set("x", 1);
    a.getMap("root").set("inner", inner);
    YArray list = new YArray();
    a.getMap("root").set("list", list);
    list.push(true, null, "s");
    Doc b = new Doc(2);
    b.applyUpdate(a.encodeStateAsUpdate());
    assertEquals(Map.of("inner", Map.of("x", 1), "list", java.util.Arrays.asList(true, null, "s")),
        b.getMap("root").toJson());
    assertArrayEquals(a.encodeStateAsUpdate(), b.encodeStateAsUpdate());
  }

  @Test
  void deletingAType_deletesItsContent() {
    Doc a = new Doc(1);
    YMap inner = new YMap();
    a.getMap("root").set("inner", inner);
    inner.set("x", "y");
    a.getMap("root").delete("inner");
    assertNull(a.getMap("root").get("inner"));
    assertTrue(inner.isDeleted());
    Doc b = new Doc(2);
    b.applyUpdate(a.encodeStateAsUpdate());
    assertEquals(Map.of(), b.getMap("root").toJson());
  }

  @Test
  void unknownRoot_takesTheKindAskedFor() {
    Doc a = new Doc(1);
    a.getArray("x").push(1);
    Doc b = new Doc(2);
    b.applyUpdate(a.encodeStateAsUpdate());
    assertTrue(b.get("x") instanceof UntypedType);
    assertEquals(List.of(1), b.getArray("x").toJson());
    assertThrows(IllegalStateException.class, () -> b.getMap("x"));
  }

  @Test
  void observers_seeDeltasAndKeys() {
    Doc a = new Doc(1);
    List<YEvent> events = new ArrayList<>();
    a.getArray("l").observe(events::add);
    a.getMap("m").observe(events::add);
    a.getArray("l").push(1, 2);
    a.getArray("l").delete(0, 1);
    a.getMap("m").set("k", 1);
    a.getMap("m").set("k", 2);
    assertEquals(List.of(new Delta.Insert(List.of(1, 2))), events.get(0).delta());
    assertEquals(List.of(new Delta.Delete(1)), events.get(1).delta());
    assertEquals(KeyChange.Action.ADD, events.get(2).keys().get("k").action());
    assertEquals(new KeyChange(KeyChange.Action.UPDATE, 1), events.get(3).keys().get("k"));
  }

  @Test
  void remoteWriteWithOurClientId_makesUsPickANewOne() {
    Doc a = new Doc(7);
    Doc b = new Doc(7);
    a.getArray("l").push(1);
    b.applyUpdate(a.encodeStateAsUpdate());
    assertTrue(b.clientId() != 7);
  }
}
