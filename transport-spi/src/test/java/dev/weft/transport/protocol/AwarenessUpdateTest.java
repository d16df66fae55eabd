package dev.weft.transport.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.crdt.encoding.DecodingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwarenessUpdateTest {
  private static AwarenessUpdate.Entry e(long client, long clock, Object state) {
    return new AwarenessUpdate.Entry(client, clock, state);
  }

  @Test
  void roundTrip_keepsClientsClocksAndStates() {
    AwarenessUpdate u = new AwarenessUpdate(List.of(e(7, 3, Map.of("a", List.of(1L, "x"))), e(9, 0, null)));
    AwarenessUpdate back = AwarenessUpdate.decode(u.encode());
    assertEquals(2, back.entries().size());
    assertEquals(7, back.entries().get(0).clientId());
    assertEquals(3, back.entries().get(0).clock());
    assertEquals(null, back.entries().get(1).state());
    assertArrayEquals(u.encode(), back.encode());
  }

  @Test
  void decode_countLargerThanInput_isRejected() {
    assertThrows(DecodingException.class, () -> AwarenessUpdate.decode(new byte[] {5, 1, 1}));
  }

  @Test
  void decode_undefined_isNotJson() {
    byte[] u = new AwarenessUpdate(List.of(e(1, 1, "x"))).encode();
    byte[] undefined = {1, 1, 1, 9, 'u', 'n', 'd', 'e', 'f', 'i', 'n', 'e', 'd'};
    assertEquals(1, AwarenessUpdate.decode(u).entries().size());
    assertEquals(DecodingException.Reason.BAD_JSON,
        assertThrows(DecodingException.class, () -> AwarenessUpdate.decode(undefined)).reason());
  }

  @Test
  void merge_keepsTheNewestEntryPerClient_removalWinsTies() {
    AwarenessUpdate a = new AwarenessUpdate(List.of(e(1, 1, "a1"), e(2, 5, "b5")));
    AwarenessUpdate b = new AwarenessUpdate(List.of(e(1, 2, "a2"), e(2, 4, "b4"), e(3, 1, "c")));
    AwarenessUpdate c = new AwarenessUpdate(List.of(e(3, 1, null)));
    assertEquals(List.of(e(1, 2, "a2"), e(2, 5, "b5"), e(3, 1, null)), AwarenessUpdate.merge(List.of(a, b, c)).entries());
  }
}
