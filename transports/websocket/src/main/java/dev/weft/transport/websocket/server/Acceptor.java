package dev.weft.transport.websocket.server;

import dev.weft.transport.Transport;
import dev.weft.transport.server.SyncHub;

/**
 * Takes over each connection a {@link SyncEndpoint} accepts. {@link #hub(SyncHub)} is the usual
 * one; tests and custom servers can route connections elsewhere.
 */
@FunctionalInterface
public interface Acceptor {
  /**
   * Called on the container's thread when a connection opens. Start the transport (or close it);
   * it is open and already receiving.
   *
   * @param room the document name: the URL path segment after the endpoint's base path
   * @param transport the connection
   * @param credentials what the endpoint's {@link Credentials} took from the handshake, or null
   * @throws RuntimeException to refuse with close code 1011 (server error, clients retry later)
   */
  void accept(String room, Transport transport, Object credentials);

  /** Joins each connection to document {@code room} of {@code hub}; its authorizer decides. */
  static Acceptor hub(SyncHub hub) {
    return hub::join;
  }
}
