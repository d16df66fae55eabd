package dev.weft.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.Encoder;
import dev.weft.transport.protocol.Message;
import dev.weft.transport.testing.FaultyTransport;
import dev.weft.transport.testing.Faults;
import dev.weft.transport.testing.ManualExecutor;
import dev.weft.transport.testing.ManualTicker;
import dev.weft.transport.testing.SyncPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyncSessionTest {
  private final ManualTicker ticker = new ManualTicker();
  private final ManualExecutor net = new ManualExecutor();
  private final SyncPeer client = new SyncPeer(1, ticker, false);
  private final SyncPeer server = new SyncPeer(2, ticker, true);

  private void connect() {
    MemoryTransport.Pair p = MemoryTransport.pair(net);
    client.session.attach(p.client());
    server.session.attach(p.server());
  }

  @Test
  void attach_handshakeSyncsBothWays() {
    client.set("a", 1);
    server.set("b", 2);
    connect();
    net.runAll();
    assertTrue(client.sameAs(server));
    assertEquals(Map.of("a", 1L, "b", 2L), normalize(client.map()));
    assertTrue(client.session.isSynced());
    assertTrue(server.session.isSynced());
  }

  @Test
  void liveUpdates_reachThePeer() {
    connect();
    net.runAll();
    client.set("x", "from client");
    server.set("y", "from server");
    net.runAll();
    assertTrue(client.sameAs(server));
    assertEquals(2, client.map().size());
  }

  @Test
  void reattach_resyncsWhatEitherSideMissed() {
    connect();
    net.runAll();
    client.session.detach();
    server.session.detach();
    client.set("offline-client", 1);
    server.set("offline-server", 2);
    connect();
    net.runAll();
    assertTrue(client.sameAs(server));
    assertEquals(2, client.map().size());
  }

  @Test
  void attach_twice_isMisuse() {
    connect();
    assertThrows(IllegalStateException.class, () -> client.session.attach(MemoryTransport.pair(net).client()));
  }

  @Test
  void malformedUpdate_changesNothing_andClosesTheConnection() {
    MemoryTransport.Pair p = MemoryTransport.pair(net);
    client.set("a", 1);
    client.session.attach(p.client());
    List<byte[]> atRaw = new ArrayList<>();
    p.server().start(new Transport.Receiver() {
      @Override
      public void onMessage(byte[] message) {
        atRaw.add(message);
      }

      @Override
      public void onClose(Throwable cause) {}
    });
    net.runAll();
    byte[] before = client.doc.encodeStateAsUpdate();
    Encoder e = new Encoder();
    e.writeVarUint(0);
    e.writeVarUint(2);
    e.writeVarBytes(new byte[] {1, 1, 5, 0, (byte) 0x84}); // struct list cut short
    p.server().send(e.toByteArray());
    net.runAll();
    assertArrayEquals(before, client.doc.encodeStateAsUpdate());
    assertFalse(client.session.isAttached());
    assertInstanceOf(DecodingException.class, client.closeCause());
    assertInstanceOf(Message.SyncStep1.class, Message.decode(atRaw.get(0)));
  }

  @Test
  void readOnly_dropsUpdatesFromThePeer() {
    SyncPeer reader = new SyncPeer(3, ticker, false);
    SyncSession guarded = SyncSession.builder(server.doc).readOnly(true).serverSide(true).build();
    MemoryTransport.Pair p = MemoryTransport.pair(net);
    reader.set("sneaky", 1);
    server.set("public", 1);
    reader.session.attach(p.client());
    guarded.attach(p.server());
    net.runAll();
    reader.set("sneaky2", 2);
    net.runAll();
    assertEquals(Map.of("public", 1L), normalize(server.map()));
    assertEquals(3, reader.map().size());
    assertEquals(2, guarded.rejectedUpdates());
  }

  @Test
  void slowPeer_queueIsCoalesced_andEverythingArrives() {
    ManualExecutor toServer = new ManualExecutor();
    SyncPeer c = new SyncPeer(1, ticker, false, new SessionLimits(2, 8, 60_000));
    MemoryTransport.Pair p = MemoryTransport.pair(net, toServer);
    c.session.attach(p.client());
    server.session.attach(p.server());
    net.runAll();
    toServer.runAll();
    for (int i = 0; i < 200; i++) {
      c.set("k" + i, i); // the server's lane does not run: sends stay incomplete
    }
    assertTrue(c.session.coalescings() > 0, "coalesced");
    assertTrue(c.session.queuedMessages() <= 8, "bounded: " + c.session.queuedMessages());
    assertTrue(c.session.isAttached());
    int delivered = 0;
    while (net.pending() + toServer.pending() > 0) {
      delivered += toServer.runAll();
      net.runAll();
    }
    assertTrue(delivered < 200, "fewer messages than edits: " + delivered);
    assertTrue(c.sameAs(server));
    assertEquals(200, server.map().size());
  }

  @Test
  void peerThatCannotKeepUp_isDisconnected_andResyncsWhenItReturns() {
    ManualExecutor toServer = new ManualExecutor();
    SyncPeer c = new SyncPeer(1, ticker, false, new SessionLimits(1, 8, 5_000));
    MemoryTransport.Pair p = MemoryTransport.pair(net, toServer);
    c.session.attach(p.client());
    server.session.attach(p.server());
    net.runAll();
    toServer.runAll();
    for (int i = 0; i < 100 && c.session.isAttached(); i++) {
      c.set("k" + i, "x".repeat(100)); // the server's lane does not run
      ticker.advance(100);
    }
    assertFalse(c.session.isAttached());
    assertInstanceOf(SlowPeerException.class, c.closeCause());
    c.set("while-away", 1);
    toServer.runAll();
    net.runAll();
    server.session.detach();
    MemoryTransport.Pair again = MemoryTransport.pair(net);
    c.session.attach(again.client());
    server.session.attach(again.server());
    net.runAll();
    assertEquals(c.map().keySet(), server.map().keySet());
    assertTrue(c.sameAs(server));
    assertTrue(server.map().containsKey("while-away"));
  }

  @Test
  void stalledPeer_isDisconnectedByMaintain() {
    ManualExecutor toServer = new ManualExecutor();
    SyncPeer c = new SyncPeer(1, ticker, false, new SessionLimits(4, 64, 10_000));
    MemoryTransport.Pair p = MemoryTransport.pair(net, toServer);
    c.session.attach(p.client());
    c.set("a", 1);
    ticker.advance(10_000);
    c.maintain();
    assertTrue(c.session.isAttached(), "not yet");
    ticker.advance(1);
    c.maintain();
    assertFalse(c.session.isAttached());
    assertInstanceOf(SlowPeerException.class, c.closeCause());
  }

  @Test
  void awareness_flowsBothWays_andLeavesWithTheConnection() {
    client.setPresence(Map.of("name", "c"));
    server.setPresence(Map.of("name", "s"));
    connect();
    net.runAll();
    assertEquals(client.presence(), server.presence());
    assertEquals(2, client.presence().size());
    client.session.detach();
    net.runAll();
    assertEquals(Map.of(2L, Map.of("name", "s")), server.presence());
    assertEquals(Map.of(1L, Map.of("name", "c")), client.presence());
  }

  @Test
  void resync_onALiveConnection_repairsLoss() {
    MemoryTransport.Pair p = MemoryTransport.pair(net);
    FaultyTransport lossy = new FaultyTransport(p.client(), new Faults(1, 0, 0, 0, 0), new Random(1), net);
    client.session.attach(lossy);
    server.session.attach(p.server());
    net.runAll();
    client.set("lost", 1); // every client message is dropped
    net.runAll();
    assertFalse(server.map().containsKey("lost"));
    lossy.heal();
    client.session.resync();
    net.runAll();
    assertTrue(client.sameAs(server));
    assertTrue(server.map().containsKey("lost"));
  }

  /** Map values as longs, whatever integer type the map returns. */
  static Map<String, Object> normalize(Map<String, Object> m) {
    Map<String, Object> out = new java.util.TreeMap<>();
    m.forEach((k, v) -> out.put(k, v instanceof Number n && !(v instanceof Double) ? (Object) n.longValue() : v));
    return out;
  }
}
