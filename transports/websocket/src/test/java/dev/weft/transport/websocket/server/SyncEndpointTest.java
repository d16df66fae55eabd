package dev.weft.transport.websocket.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import dev.weft.transport.Ticker;
import dev.weft.transport.server.Access;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.testing.SyncPeer;
import dev.weft.transport.websocket.Await;
import dev.weft.transport.websocket.CloseCodes;
import dev.weft.transport.websocket.JettyServer;
import dev.weft.transport.websocket.RawClient;
import dev.weft.transport.websocket.WebSocketCloseException;
import dev.weft.transport.websocket.WebSocketTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The endpoint in embedded Jetty with a hub behind it: rooms, credentials, denial, liveness. */
class SyncEndpointTest {
  private static SyncHub hub;
  private static JettyServer jetty;

  @BeforeAll
  static void start() throws Exception {
    hub = SyncHub.builder()
        .authorizer((doc, token) -> "writer".equals(token) ? Access.READ_WRITE : Access.DENY)
        .build();
    jetty = JettyServer.start(
        SyncEndpoint.config("/sync", hub),
        SyncEndpoint.builder("/broken", (room, t, c) -> {
          throw new IllegalStateException("cannot load " + room);
        }).build(),
        SyncEndpoint.builder("/lively", (room, t, c) -> t.start(new Sink()))
            .keepAlive(Duration.ofMillis(150))
            .pingInterval(Duration.ofMillis(150))
            .build());
  }

  @AfterAll
  static void stop() {
    jetty.close();
    hub.close();
  }

  private static Map<String, Object> atServer(String room) {
    Doc copy = new Doc(99);
    try {
      copy.applyUpdate(hub.encodeStateAsUpdate(room));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copy.getMap("m").toJson();
  }

  private static SyncPeer peer(long id) {
    return new SyncPeer(id, Ticker.system(), false);
  }

  @Test
  void badToken_isDeniedThenClosedWithPermanentCode() throws Exception {
    SyncPeer p = peer(1);
    p.session.attach(WebSocketTransport.connect(jetty.uri("/sync/secret?token=guess")));
    Await.until("the close", () -> p.closes() == 1);
    WebSocketCloseException closed = assertInstanceOf(WebSocketCloseException.class, p.closeCause());
    assertEquals(CloseCodes.PERMISSION_DENIED, closed.code());
    assertTrue(closed.isPermanent());
    assertNotNull(p.deniedReason(), "an auth permission-denied message arrives before the close");
    assertEquals(0, hub.peerCount("secret"));
  }

  @Test
  void missingToken_isDenied() throws Exception {
    RawClient raw = new RawClient(jetty.uri("/sync/secret"));
    assertEquals(CloseCodes.PERMISSION_DENIED, raw.closeCode.get(10, TimeUnit.SECONDS));
    assertEquals(2, raw.binaries.get(0)[0], "auth message first");
  }

  @Test
  void tokenInQueryOrBearerHeader_joinsTheRoomOfThePath() throws Exception {
    SyncPeer a = peer(1);
    SyncPeer b = peer(2);
    a.session.attach(WebSocketTransport.connect(jetty.uri("/sync/notes?token=writer")));
    b.session.attach(WebSocketTransport.builder(jetty.uri("/sync/notes"))
        .header("Authorization", "Bearer writer")
        .connect());
    a.set("from", "a");
    b.set("to", "b");
    Await.until("both peers converge", () -> a.sameAs(b) && a.map().size() == 2);
    Await.until("the hub holds both edits", () -> atServer("notes").size() == 2);
    assertEquals(2, hub.peerCount("notes"));
    assertTrue(atServer("other").isEmpty(), "rooms are separate documents");
    a.session.close();
    b.session.close();
    Await.until("the hub sees both leave", () -> hub.peerCount("notes") == 0);
  }

  @Test
  void failingAcceptor_closesWithServerError() throws Exception {
    SyncPeer p = peer(1);
    p.session.attach(WebSocketTransport.connect(jetty.uri("/broken/x")));
    Await.until("the close", () -> p.closes() == 1);
    WebSocketCloseException closed = assertInstanceOf(WebSocketCloseException.class, p.closeCause());
    assertEquals(CloseCodes.SERVER_ERROR, closed.code());
    assertFalse(closed.isPermanent(), "clients retry after a server error");
  }

  @Test
  void textMessage_closesWithUnsupportedData() throws Exception {
    RawClient raw = new RawClient(jetty.uri("/sync/notes?token=writer"));
    raw.socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
    assertEquals(CloseCodes.UNSUPPORTED_DATA, raw.closeCode.get(10, TimeUnit.SECONDS));
  }

  @Test
  void silentConnection_getsKeepAliveMessagesAndPingsAndStaysOpen() throws Exception {
    RawClient raw = new RawClient(jetty.uri("/lively/room"));
    Await.until("keep-alive messages and pings", () -> raw.binaries.size() >= 3 && raw.pings.get() >= 3);
    assertArrayEquals(new byte[] {1, 1, 0}, raw.binaries.get(0), "an awareness update with no entries");
    Thread.sleep(500); // several ping intervals: the JDK's automatic pongs keep it alive
    assertFalse(raw.closeCode.isDone(), "a peer that answers pings is not dropped");
    raw.socket.sendClose(CloseCodes.NORMAL, "").get(5, TimeUnit.SECONDS);
  }

  /** Accepts and ignores everything. */
  private static final class Sink implements dev.weft.transport.Transport.Receiver {
    @Override
    public void onMessage(byte[] message) {}

    @Override
    public void onClose(Throwable cause) {}
  }
}
