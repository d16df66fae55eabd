package dev.weft.transport.websocket;

import dev.weft.transport.Transport;
import dev.weft.transport.testing.TransportContract;
import dev.weft.transport.websocket.server.SyncEndpoint;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The WebSocket adapter passes the transport contract kit over real sockets on loopback: the JDK
 * client at one end, a Jakarta session in embedded Jetty at the other.
 */
class WebSocketTransportContractTest extends TransportContract {
  private static final BlockingQueue<Transport> ACCEPTED = new LinkedBlockingQueue<>();
  private static final AtomicInteger ROOMS = new AtomicInteger();
  private static JettyServer jetty;

  @BeforeAll
  static void startServer() throws Exception {
    jetty = JettyServer.start(SyncEndpoint.builder("/contract", (room, transport, credentials) -> ACCEPTED.add(transport))
        .build());
  }

  @AfterAll
  static void stopServer() {
    jetty.close();
  }

  @Override
  protected Link connect() throws Exception {
    Transport client = WebSocketTransport.connect(jetty.uri("/contract/room-" + ROOMS.incrementAndGet()));
    Transport server = ACCEPTED.poll(10, TimeUnit.SECONDS);
    if (server == null) {
      throw new AssertionError("the server did not accept the connection");
    }
    return new Link(client, server);
  }
}
