package dev.weft.transport.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Pins every wire constant: changing one breaks compatibility with Yjs clients. */
class WireTest {
  @Test
  void outerTypes_matchYWebsocket() {
    assertEquals(0, Wire.MESSAGE_SYNC);
    assertEquals(1, Wire.MESSAGE_AWARENESS);
    assertEquals(2, Wire.MESSAGE_AUTH);
    assertEquals(3, Wire.MESSAGE_QUERY_AWARENESS);
  }

  @Test
  void syncTypes_matchYProtocolsSync() {
    assertEquals(0, Wire.SYNC_STEP1);
    assertEquals(1, Wire.SYNC_STEP2);
    assertEquals(2, Wire.SYNC_UPDATE);
  }

  @Test
  void authTypes_matchYProtocolsAuth() {
    assertEquals(0, Wire.AUTH_PERMISSION_DENIED);
    assertEquals("null", Wire.AWARENESS_REMOVED);
  }
}
