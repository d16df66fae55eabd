package dev.weft.transport.server;

/**
 * Decides a peer's {@link Access} when it joins a document. Called on the joining thread, before
 * the document is loaded; it may block (look up a token, ask a service).
 */
@FunctionalInterface
public interface Authorizer {
  /**
   * @param document the document's name
   * @param credentials whatever the caller of {@link SyncHub#join} passed (a token, a principal)
   */
  Access authorize(String document, Object credentials);

  /** Everyone may read and write. */
  static Authorizer allowAll() {
    return (document, credentials) -> Access.READ_WRITE;
  }
}
