package dev.weft.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Structs that arrive before what they depend on wait as pending structs, and are retried when
 * the document gains what they wait for. Here two pending structs wait on each other's client:
 * 2:1 (which needs 1:1) is set aside behind 1:4, which waits for 1:2 and 1:3; and 1:3 needs 2:1.
 * Yjs 13.6.33 records only the clock its scan stopped at (1:3) and so never retries 2:1 when 1:1
 * arrives: applying these updates in this order, it ends with {@code [p, x, y, r]} and three
 * structs pending for good although every update has arrived. Weft integrates everything.
 */
class PendingStructsTest {
  @Test
  void structsWaitingOnEachOthersClients_areIntegratedOnceEverythingHasArrived() {
    Doc d1 = new Doc(1);
    Doc d2 = new Doc(2);
    List<byte[]> u = new ArrayList<>();
    d1.onUpdate((update, origin, tx) -> {
      if (origin == null) {
        u.add(update);
      }
    });
    d2.onUpdate((update, origin, tx) -> {
      if (origin == null) {
        u.add(update);
      }
    });
    YArray a1 = d1.getArray("a");
    YArray a2 = d2.getArray("a");
    a1.insert(0, "x");                                 // u0: 1:0
    a1.insert(1, "y");                                 // u1: 1:1
    d2.applyUpdate(d1.encodeStateAsUpdate(), "sync");
    a2.insert(0, "p");                                 // u2: 2:0 before x
    a2.insert(2, "q");                                 // u3: 2:1 between x and y (right origin 1:1)
    d1.applyUpdate(d2.encodeStateAsUpdate(d1.encodeStateVector()), "sync");
    a1.insert(4, "r");                                 // u4: 1:2 at the end
    a1.insert(2, "s");                                 // u5: 1:3 between x and q (right origin 2:1)
    a1.insert(6, "t");                                 // u6: 1:4 at the end
    assertEquals(7, u.size());
    assertEquals(List.of("p", "x", "s", "q", "y", "r", "t"), a1.toList());

    Doc replica = new Doc(9);
    for (int i : new int[] {6, 3, 0, 2, 1, 4, 5}) {
      replica.applyUpdate(u.get(i));
    }
    assertEquals(a1.toList(), replica.getArray("a").toList());
    assertArrayEquals(d1.encodeStateVector(), replica.encodeStateVector());
    assertArrayEquals(d1.encodeStateAsUpdate(), replica.encodeStateAsUpdate());
  }

  /**
   * Found by {@code MalformedInputProperties}: a damaged update re-sends 3:1, which the document
   * already holds, with an origin at a client that does not exist (387:0), followed by new structs
   * of client 3. The copy of 3:1 is skipped as already held, so it cannot hold back 3:3 to 3:5
   * (Yjs checks dependencies first and would keep them pending for good).
   */
  @Test
  void aDamagedCopyOfAHeldStruct_doesNotHoldBackWhatFollowsIt() {
    HexFormat hex = HexFormat.of();
    Doc target = new Doc(77);
    target.applyUpdate(hex.parseHex("0102030008010561727261790275027d8707770178760101617d880783030102c90700"));
    target.applyUpdate(hex.parseHex("0305030008010561727261790175027d87077701788883030001760101617d880783030102c9"
        + "07c103000301022801036d6170026b340175027d810d770178010200880102017704733236320401000801056172726179027c43"
        + "dec00075027dbe06770178810101012101036d6170026b3401880302017c43c3c000020301030201010202"));
    Doc copy = new Doc(78);
    copy.applyUpdate(target.encodeStateAsUpdate());
    assertArrayEquals(copy.encodeStateVector(), target.encodeStateVector(), "nothing of client 3 left pending");
  }
}
