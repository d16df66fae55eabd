/**
 * WebSocket transport for Weft, wire-compatible with y-websocket: a server endpoint on the Jakarta
 * WebSocket API that plugs into a {@code SyncHub}, and a client {@code Transport} on the JDK's
 * {@code java.net.http} WebSocket, registered for {@code ws://} and {@code wss://}.
 *
 * <p>The Jakarta API is a compile-time-only dependency: the servlet container (Jetty, Tomcat,
 * Spring Boot) provides it at run time, and a client-only application does not need it.
 */
module dev.weft.transport.websocket {
  requires transitive dev.weft.transport;
  requires transitive java.net.http;
  requires static transitive jakarta.websocket;

  exports dev.weft.transport.websocket;
  exports dev.weft.transport.websocket.server;

  provides dev.weft.transport.TransportProvider
      with dev.weft.transport.websocket.internal.WebSocketTransportProvider;
}
