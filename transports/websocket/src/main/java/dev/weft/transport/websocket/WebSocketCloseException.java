package dev.weft.transport.websocket;

import java.io.IOException;

/**
 * Why a WebSocket connection ended, when the peer closed it with anything but an orderly code:
 * the cause a {@code Transport.Receiver} (and so a {@code SessionListener}) gets. A client that
 * reconnects by itself should give up when {@link #isPermanent()}, as y-websocket does.
 */
public final class WebSocketCloseException extends IOException {
  private final int code;
  private final String reason;

  public WebSocketCloseException(int code, String reason) {
    super("WebSocket closed: code=" + code + (reason == null || reason.isEmpty() ? "" : ", reason=" + reason));
    this.code = code;
    this.reason = reason == null ? "" : reason;
  }

  /** The close code, for example {@link CloseCodes#PERMISSION_DENIED}. */
  public int code() {
    return code;
  }

  /** The close reason sent with the code, possibly empty. */
  public String reason() {
    return reason;
  }

  /** Whether reconnecting is pointless (a code in 4400–4499). */
  public boolean isPermanent() {
    return CloseCodes.isPermanent(code);
  }
}
