package dev.weft.transport.websocket;

/**
 * The WebSocket close codes this adapter sends, in one place ({@code CloseCodesTest} pins them).
 *
 * <p>y-websocket 3.1 clients treat 4400–4499 as permanent: they stop reconnecting and emit
 * {@code closed}; every other code makes them reconnect with backoff. So a refusal that retrying
 * cannot fix (bad token, no such document) uses 4400–4499, and anything transient (server
 * shutting down, an error while loading the document) uses a standard code.
 */
public final class CloseCodes {
  private CloseCodes() {}

  /** RFC 6455: orderly close. The receiver hears {@code onClose(null)}. */
  public static final int NORMAL = 1000;
  /** RFC 6455: the peer went away; sent when a peer stops answering pings. */
  public static final int GOING_AWAY = 1001;
  /** RFC 6455: a data type the endpoint does not accept (y-websocket speaks binary only). */
  public static final int UNSUPPORTED_DATA = 1003;
  /** RFC 6455: the close frame carried no code (reported locally, never sent). */
  public static final int NO_STATUS = 1005;
  /** RFC 6455: a message larger than the endpoint accepts. */
  public static final int TOO_BIG = 1009;
  /** RFC 6455: the server failed (for example, it could not load the document); retry later. */
  public static final int SERVER_ERROR = 1011;

  /** First code a y-websocket 3.1 client treats as permanent (no reconnect). */
  public static final int PERMANENT_MIN = 4400;
  /** Last code a y-websocket 3.1 client treats as permanent. */
  public static final int PERMANENT_MAX = 4499;
  /** The authorizer denied access to the document (after an auth permission-denied message). */
  public static final int PERMISSION_DENIED = 4403;

  /** Whether a y-websocket 3.1 client stops reconnecting after {@code code}. */
  public static boolean isPermanent(int code) {
    return code >= PERMANENT_MIN && code <= PERMANENT_MAX;
  }

  /** Whether {@code code} ends a connection in order ({@link #NORMAL} or {@link #NO_STATUS}). */
  public static boolean isOrderly(int code) {
    return code == NORMAL || code == NO_STATUS;
  }
}
