package dev.weft.transport;

/** Hears about a {@link SyncSession}'s connection. Every method has an empty default. */
public interface SessionListener {
  /** The first sync step 2 of the current connection arrived: the document has caught up. */
  default void onSynced(SyncSession session) {}

  /** The peer refused access (an auth permission-denied message). */
  default void onPermissionDenied(SyncSession session, String reason) {}

  /**
   * The current connection ended.
   *
   * @param cause null for an orderly close; a {@link SlowPeerException} when the peer could not
   *     keep up; a {@link dev.weft.crdt.encoding.DecodingException} for a malformed message;
   *     otherwise the transport's error
   */
  default void onClose(SyncSession session, Throwable cause) {}
}
