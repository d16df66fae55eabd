package dev.weft.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pins the close codes: clients decide whether to reconnect by them. */
class CloseCodesTest {
  @Test
  void values_areFrozen() {
    assertEquals(1000, CloseCodes.NORMAL);
    assertEquals(1001, CloseCodes.GOING_AWAY);
    assertEquals(1003, CloseCodes.UNSUPPORTED_DATA);
    assertEquals(1005, CloseCodes.NO_STATUS);
    assertEquals(1009, CloseCodes.TOO_BIG);
    assertEquals(1011, CloseCodes.SERVER_ERROR);
    assertEquals(4403, CloseCodes.PERMISSION_DENIED);
  }

  @Test
  void isPermanent_matchesYWebsocketRange() {
    assertFalse(CloseCodes.isPermanent(4399));
    assertTrue(CloseCodes.isPermanent(4400));
    assertTrue(CloseCodes.isPermanent(CloseCodes.PERMISSION_DENIED));
    assertTrue(CloseCodes.isPermanent(4499));
    assertFalse(CloseCodes.isPermanent(4500));
    assertFalse(CloseCodes.isPermanent(CloseCodes.SERVER_ERROR));
    assertTrue(new WebSocketCloseException(4404, "gone").isPermanent());
  }
}
