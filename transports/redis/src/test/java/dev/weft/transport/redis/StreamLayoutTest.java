package dev.weft.transport.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Freezes the stream layout of FORMAT.md: other nodes, and other versions, read these names. */
class StreamLayoutTest {
  @Test
  void keysAndFields_areFrozen() {
    assertEquals("weft:{notes}:log", StreamLayout.string(StreamLayout.logKey("notes")));
    assertEquals("weft:{notes}:meta", StreamLayout.string(StreamLayout.metaKey("notes")));
    assertArrayEquals(StreamLayout.bytes("n"), StreamLayout.SENDER);
    assertArrayEquals(StreamLayout.bytes("k"), StreamLayout.KIND);
    assertArrayEquals(StreamLayout.bytes("d"), StreamLayout.DATA);
    assertArrayEquals(StreamLayout.bytes("u"), StreamLayout.KIND_UPDATE);
    assertArrayEquals(StreamLayout.bytes("m"), StreamLayout.KIND_MESSAGE);
    assertArrayEquals(StreamLayout.bytes("epoch"), StreamLayout.EPOCH);
    assertArrayEquals(StreamLayout.bytes("trimmed"), StreamLayout.TRIMMED);
  }

  @Test
  void ids_compareNumericallyNotAsText() {
    assertTrue(StreamLayout.compareIds("10-0", "9-5") > 0);
    assertTrue(StreamLayout.compareIds("5-10", "5-9") > 0);
    assertEquals(0, StreamLayout.compareIds("7-1", "7-1"));
    assertEquals("7-2", StreamLayout.next("7-1"));
    assertEquals("9-5", StreamLayout.max("9-5", null));
    assertEquals("10-0", StreamLayout.max("9-5", "10-0"));
    assertThrows(IllegalArgumentException.class, () -> StreamLayout.compareIds("7", "7-1"));
  }
}
