package dev.weft.transport.server;

/** What a peer may do with a document; decided by an {@link Authorizer} when it joins. */
public enum Access {
  /** Read and edit. */
  READ_WRITE,
  /** Receive the document and its updates, share awareness; its own updates are dropped. */
  READ_ONLY,
  /** Refused: the peer gets an auth permission-denied message and is disconnected. */
  DENY
}
