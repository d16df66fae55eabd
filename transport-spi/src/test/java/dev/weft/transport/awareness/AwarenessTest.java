package dev.weft.transport.awareness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.transport.protocol.AwarenessUpdate;
import dev.weft.transport.testing.ManualTicker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwarenessTest {
  private final ManualTicker ticker = new ManualTicker();
  private final Awareness me = new Awareness(1, ticker);
  private final List<AwarenessChange> changes = new ArrayList<>();
  private final List<AwarenessChange> updates = new ArrayList<>();

  AwarenessTest() {
    me.onChange(changes::add);
    me.onUpdate(updates::add);
  }

  private static AwarenessUpdate one(long client, long clock, Object state) {
    return new AwarenessUpdate(List.of(new AwarenessUpdate.Entry(client, clock, state)));
  }

  @Test
  void setLocalState_bumpsClock_andFiresChangeOnlyWhenDifferent() {
    me.setLocalState(Map.of("n", "a"));
    me.setLocalState(Map.of("n", "a"));
    me.setLocalState(Map.of("n", "b"));
    assertEquals(3, me.clock(1));
    assertEquals(2, changes.size());
    assertEquals(3, updates.size());
    assertEquals(List.of(1L), changes.get(0).added());
    assertEquals(Awareness.LOCAL, changes.get(0).origin());
  }

  @Test
  void apply_acceptsOnlyNewerClocks() {
    me.apply(one(2, 3, "x"), "peer");
    me.apply(one(2, 2, "old"), "peer");
    me.apply(one(2, 3, "same clock"), "peer");
    assertEquals("x", me.states().get(2L));
    me.apply(one(2, 4, "y"), "peer");
    assertEquals("y", me.states().get(2L));
    assertEquals(List.of(2L), changes.get(1).updated());
    assertEquals("peer", changes.get(1).origin());
  }

  @Test
  void apply_removalWithSameClock_removesAKnownState() {
    me.apply(one(2, 3, "x"), "peer");
    me.apply(one(2, 3, null), "peer");
    assertTrue(!me.states().containsKey(2L));
    assertEquals(List.of(2L), changes.get(1).removed());
  }

  @Test
  void apply_removalOfOurOwnState_isRefusedAndReannounced() {
    me.setLocalState("here");
    updates.clear();
    me.apply(one(1, 5, null), "peer");
    assertEquals("here", me.localState());
    assertEquals(6, me.clock(1)); // max(5, 1) + 1
    assertEquals(List.of(1L), updates.get(0).updated());
    assertEquals(new AwarenessUpdate.Entry(1, 6, "here"), me.encode(List.of(1L)).entries().get(0));
  }

  @Test
  void checkTimeouts_renewsLocalAt15s_andExpiresRemoteAt30s() {
    me.setLocalState("here");
    me.apply(one(2, 1, "peer"), "peer");
    ticker.advance(Awareness.RENEW_INTERVAL_MILLIS - 1);
    me.checkTimeouts();
    assertEquals(1, me.clock(1));
    ticker.advance(1);
    me.checkTimeouts();
    assertEquals(2, me.clock(1));
    assertTrue(me.states().containsKey(2L));
    ticker.advance(Awareness.OUTDATED_TIMEOUT_MILLIS - Awareness.RENEW_INTERVAL_MILLIS);
    me.checkTimeouts();
    assertTrue(!me.states().containsKey(2L));
    AwarenessChange last = changes.get(changes.size() - 1);
    assertEquals(List.of(2L), last.removed());
    assertEquals(Awareness.TIMEOUT, last.origin());
    assertEquals("here", me.localState());
  }

  @Test
  void removeStates_keepsRemoteClock_soTheNextNewerAnnouncementIsAccepted() {
    me.apply(one(2, 4, "x"), "peer");
    me.removeStates(List.of(2L), "closed");
    assertEquals(4, me.clock(2));
    me.apply(one(2, 4, "x"), "peer");
    assertNull(me.states().get(2L));
    me.apply(one(2, 5, "back"), "peer");
    assertEquals("back", me.states().get(2L));
  }

  @Test
  void encodeAll_thenApplyElsewhere_reproducesTheStates() {
    me.setLocalState(Map.of("cursor", 3L));
    me.apply(one(2, 7, List.of("a")), "peer");
    Awareness other = new Awareness(3, ticker);
    other.apply(AwarenessUpdate.decode(me.encodeAll().encode()), "wire");
    assertArrayEquals(me.encodeAll().encode(), other.encodeAll().encode());
    assertEquals(7, other.clock(2));
  }

  @Test
  void setLocalStateField_replacesOneField() {
    me.setLocalState(Map.of("a", 1L, "b", 2L));
    me.setLocalStateField("b", 3L);
    assertEquals(Map.of("a", 1L, "b", 3L), me.localState());
  }
}
