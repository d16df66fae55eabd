package dev.weft.transport.protocol;

/**
 * Every tag byte of the y-protocols messages as framed by y-websocket, in one place. These values
 * are frozen: they are what Yjs clients (y-protocols 1.0.7, y-websocket 3.x) put on the wire, and
 * {@code WireTest} pins each of them.
 *
 * <pre>
 * message            := varUint(outerType) · body
 *
 * outerType SYNC (0)            body := varUint(syncType) · varUint8Array(payload)
 *   syncType SYNC_STEP1 (0)       payload = state vector v1
 *   syncType SYNC_STEP2 (1)       payload = update v1 (what the step-1 sender lacks)
 *   syncType SYNC_UPDATE (2)      payload = update v1 (one live transaction, or several merged)
 * outerType AWARENESS (1)       body := varUint8Array(awarenessUpdate)
 *   awarenessUpdate := varUint(n) · n × (varUint clientId · varUint clock · varString(JSON state))
 * outerType AUTH (2)            body := varUint(authType) · varString(reason)
 *   authType PERMISSION_DENIED (0)
 * outerType QUERY_AWARENESS (3) body := (empty)
 * </pre>
 *
 * <p>Porting note: the names mirror y-websocket's {@code messageSync}, {@code messageAwareness},
 * {@code messageAuth}, {@code messageQueryAwareness}; y-protocols' {@code messageYjsSyncStep1},
 * {@code messageYjsSyncStep2}, {@code messageYjsUpdate}; and {@code auth.messagePermissionDenied}.
 */
public final class Wire {
  private Wire() {}

  /** Outer type: a sync message follows. y-websocket {@code messageSync}. */
  public static final int MESSAGE_SYNC = 0;
  /** Outer type: a length-prefixed awareness update follows. y-websocket {@code messageAwareness}. */
  public static final int MESSAGE_AWARENESS = 1;
  /** Outer type: an auth message follows. y-websocket {@code messageAuth}. */
  public static final int MESSAGE_AUTH = 2;
  /** Outer type: no body; asks the peer for every awareness state it knows. */
  public static final int MESSAGE_QUERY_AWARENESS = 3;

  /** Sync type: "here is my state vector". y-protocols {@code messageYjsSyncStep1}. */
  public static final int SYNC_STEP1 = 0;
  /** Sync type: "here is what your state vector lacks". y-protocols {@code messageYjsSyncStep2}. */
  public static final int SYNC_STEP2 = 1;
  /** Sync type: a live update. y-protocols {@code messageYjsUpdate}. */
  public static final int SYNC_UPDATE = 2;

  /** Auth type: the peer may not access the document; a reason string follows. */
  public static final int AUTH_PERMISSION_DENIED = 0;

  /** The JSON text of a removed awareness state ({@code JSON.stringify(null)}). */
  public static final String AWARENESS_REMOVED = "null";
}
