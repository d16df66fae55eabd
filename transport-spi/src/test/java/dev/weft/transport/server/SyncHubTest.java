package dev.weft.transport.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Subscription;
import dev.weft.transport.MemoryTransport;
import dev.weft.transport.Transport;
import dev.weft.transport.Transports;
import dev.weft.transport.testing.ManualExecutor;
import dev.weft.transport.testing.ManualTicker;
import dev.weft.transport.testing.SyncPeer;
import dev.weft.transport.store.MemoryDocumentStore;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncHubTest {
  private final ManualTicker ticker = new ManualTicker();
  private final ManualExecutor net = new ManualExecutor();
  private final MemoryDocumentStore store = new MemoryDocumentStore();
  private final SyncHub hub = SyncHub.builder()
      .store(store)
      .ticker(ticker)
      .idleTimeout(Duration.ofSeconds(10))
      .clientIds(() -> 1000)
      .authorizer((doc, credentials) -> doc.startsWith("secret")
          ? Access.DENY
          : "viewer".equals(credentials) ? Access.READ_ONLY : Access.READ_WRITE)
      .build();

  private SyncPeer join(long id, String doc, Object credentials) {
    SyncPeer p = new SyncPeer(id, ticker, false);
    MemoryTransport.Pair pair = MemoryTransport.pair(net);
    p.session.attach(pair.client());
    hub.join(doc, pair.server(), credentials);
    return p;
  }

  private Doc hubCopy(String doc) throws Exception {
    Doc d = new Doc(77);
    d.applyUpdate(hub.encodeStateAsUpdate(doc));
    return d;
  }

  @Test
  void peersOfOneDocument_seeEachOther_andOtherDocumentsStayApart() throws Exception {
    SyncPeer a = join(1, "one", null);
    SyncPeer b = join(2, "one", null);
    SyncPeer c = join(3, "two", null);
    a.set("from-a", 1);
    c.set("from-c", 3);
    net.runAll();
    assertTrue(a.sameAs(b));
    assertEquals(Set.of("from-a"), b.map().keySet());
    assertEquals(Set.of("from-c"), c.map().keySet());
    assertEquals(Set.of("one", "two"), hub.loadedDocuments());
    assertEquals(2, hub.peerCount("one"));
    assertEquals(Set.of("from-a"), hubCopy("one").getMap("m").keys());
  }

  @Test
  void deny_sendsPermissionDenied_andCloses() {
    SyncPeer p = join(1, "secret-plans", null);
    net.runAll();
    assertNotNull(p.deniedReason());
    assertFalse(p.session.isAttached());
    assertTrue(hub.loadedDocuments().isEmpty());
  }

  @Test
  void readOnlyPeer_readsButItsUpdatesAreDropped() throws Exception {
    SyncPeer writer = join(1, "doc", "writer");
    SyncPeer viewer = join(2, "doc", "viewer");
    writer.set("w", 1);
    viewer.set("v", 2);
    net.runAll();
    assertEquals(Set.of("w"), hubCopy("doc").getMap("m").keys());
    assertEquals(Set.of("w"), writer.map().keySet());
    assertEquals(Set.of("w", "v"), viewer.map().keySet());
  }

  @Test
  void updates_arePersisted_andTheDocumentIsLoadedFromTheStoreAfterUnloading() throws Exception {
    SyncPeer a = join(1, "doc", null);
    a.set("x", 1);
    a.set("y", 2);
    net.runAll();
    assertEquals(2, store.size("doc"));
    a.session.detach();
    net.runAll();
    ticker.advance(9_999);
    hub.maintain();
    assertEquals(Set.of("doc"), hub.loadedDocuments());
    ticker.advance(1);
    hub.maintain();
    assertTrue(hub.loadedDocuments().isEmpty());
    SyncPeer b = join(2, "doc", null);
    net.runAll();
    assertEquals(Set.of("x", "y"), b.map().keySet());
  }

  @Test
  void awarenessOfAClosedConnection_isRemovedForEveryoneElse() {
    SyncPeer a = join(1, "doc", null);
    SyncPeer b = join(2, "doc", null);
    a.setPresence(Map.of("name", "a"));
    b.setPresence(Map.of("name", "b"));
    net.runAll();
    assertEquals(Set.of(1L, 2L), b.presence().keySet());
    assertEquals(Set.of(1L, 2L), hub.awarenessStates("doc").keySet());
    a.session.detach();
    net.runAll();
    assertEquals(Set.of(2L), b.presence().keySet());
    assertEquals(Set.of(2L), hub.awarenessStates("doc").keySet());
  }

  @Test
  void silentPeer_expiresAfter30s_whileRenewingPeersStay() {
    SyncPeer a = join(1, "doc", null);
    SyncPeer b = join(2, "doc", null);
    a.setPresence("a");
    b.setPresence("b");
    net.runAll();
    for (int t = 0; t < 12; t++) { // 36 s: only b keeps renewing
      ticker.advance(3_000);
      b.maintain();
      hub.maintain();
      net.runAll();
    }
    assertEquals(Set.of(2L), hub.awarenessStates("doc").keySet());
    assertEquals(Set.of(2L), b.presence().keySet());
  }

  @Test
  void join_throughAMemUri() {
    try (Subscription s = MemoryTransport.listen("hub-test", (uri, t) -> hub.join(uri.getPath().substring(1), t, null))) {
      SyncPeer p = new SyncPeer(5, ticker, false);
      Transport t = Transports.connect(URI.create("mem://hub-test/via-uri"));
      p.session.attach(t);
      p.set("k", 1);
      for (int i = 0; i < 200 && hub.peerCount("via-uri") == 0; i++) {
        Thread.sleep(10);
      }
      assertEquals(Set.of("via-uri"), hub.loadedDocuments());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
