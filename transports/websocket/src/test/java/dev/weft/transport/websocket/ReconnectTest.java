package dev.weft.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weft.crdt.Doc;
import dev.weft.transport.Ticker;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.testing.SyncPeer;
import dev.weft.transport.websocket.server.SyncEndpoint;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clients outlive a server restart: the connections drop, both sides edit while apart, and when
 * the clients reconnect to the restarted endpoint the state-vector handshake resends exactly what
 * each side lacks.
 */
class ReconnectTest {
  @Test
  void serverRestart_clientsReconnectAndResync() throws Exception {
    SyncHub hub = SyncHub.builder().build();
    JettyServer jetty = JettyServer.start(SyncEndpoint.config("/sync", hub));
    int port = jetty.port();
    URI room = jetty.uri("/sync/board");
    SyncPeer a = new SyncPeer(1, Ticker.system(), false);
    SyncPeer b = new SyncPeer(2, Ticker.system(), false);
    try {
      a.session.attach(WebSocketTransport.connect(room));
      b.session.attach(WebSocketTransport.connect(room));
      for (int i = 0; i < 20; i++) {
        a.set("a" + i, i);
        b.set("b" + i, i);
      }
      Await.until("the first convergence", () -> a.sameAs(b) && a.map().size() == 40);

      jetty.close();
      Await.until("both clients to see the server go", () -> a.closes() == 1 && b.closes() == 1);
      WebSocketCloseException going = assertInstanceOf(WebSocketCloseException.class, a.closeCause());
      assertFalse(going.isPermanent(), "a restart is not a refusal: code=" + going.code());
      for (int i = 0; i < 10; i++) {
        a.set("offline-a" + i, i);
        b.set("offline-b" + i, i);
      }

      jetty = JettyServer.start(port, SyncEndpoint.config("/sync", hub));
      a.session.attach(reconnect(room));
      b.session.attach(reconnect(room));
      Await.until("the resync", () -> a.sameAs(b) && a.map().size() == 60);
      Map<String, Object> server = atServer(hub, "board");
      assertEquals(a.map(), server, "the server has the offline edits of both clients");
    } finally {
      a.session.close();
      b.session.close();
      jetty.close();
      hub.close();
    }
  }

  /** Retries as a client would while the server comes back. */
  private static WebSocketTransport reconnect(URI uri) throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        return WebSocketTransport.connect(uri);
      } catch (IOException e) {
        if (attempt == 50) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static Map<String, Object> atServer(SyncHub hub, String room) throws IOException {
    Doc copy = new Doc(99);
    copy.applyUpdate(hub.encodeStateAsUpdate(room));
    return copy.getMap("m").toJson();
  }
}
