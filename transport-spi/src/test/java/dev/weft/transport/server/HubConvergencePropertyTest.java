package dev.weft.transport.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.encoding.Json;
import dev.weft.transport.MemoryTransport;
import dev.weft.transport.awareness.Awareness;
import dev.weft.transport.testing.FaultyTransport;
import dev.weft.transport.testing.Faults;
import dev.weft.transport.testing.ManualExecutor;
import dev.weft.transport.testing.ManualTicker;
import dev.weft.transport.testing.SyncPeer;
import dev.weft.transport.store.MemoryDocumentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Many peers on two documents of one hub, over links that lose, duplicate, reorder and delay
 * messages and sometimes disconnect, with peers reconnecting at random. Once the network heals and
 * time runs on (renewals and expiry), every peer of a document holds exactly what the hub holds,
 * no edit is lost, and every peer sees exactly the presence of the peers on its document.
 */
class HubConvergencePropertyTest {
  private static final String[] DOCS = {"alpha", "beta"};

  @Property
  void peersOverFaultyLinks_converge_andAwarenessBecomesConsistent(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int peerCount,
      @ForAll @IntRange(min = 0, max = 30) int lossPercent,
      @ForAll @IntRange(min = 5, max = 40) int steps) throws Exception {
    Random random = new Random(seed);
    ManualTicker ticker = new ManualTicker();
    ManualExecutor net = new ManualExecutor(new Random(seed ^ 0x5DEECE66DL));
    SyncHub hub = SyncHub.builder()
        .store(new MemoryDocumentStore())
        .ticker(ticker)
        .idleTimeout(Duration.ofSeconds(5))
        .clientIds(() -> 1_000_000)
        .build();
    Faults faults = Faults.lossy(lossPercent / 100.0).withDisconnect(lossPercent / 1000.0);
    List<SyncPeer> peers = new ArrayList<>();
    List<List<String>> written = new ArrayList<>();
    for (int i = 0; i < peerCount; i++) {
      SyncPeer p = new SyncPeer(i + 1, ticker, false);
      p.setPresence(Map.of("name", "peer" + i));
      peers.add(p);
      written.add(new ArrayList<>());
      connect(hub, p, i, faults, random, net);
    }
    for (int step = 0; step < steps; step++) {
      int i = random.nextInt(peerCount);
      SyncPeer p = peers.get(i);
      switch (random.nextInt(6)) {
        case 0, 1, 2 -> {
          String key = "p" + i + "-" + step;
          p.set(key, step);
          written.get(i).add(key);
        }
        case 3 -> p.setPresence(Map.of("name", "peer" + i, "step", (long) step));
        case 4 -> {
          ticker.advance(random.nextInt(4_000));
          p.maintain();
          hub.maintain();
        }
        default -> {
          if (!p.session.isAttached()) {
            connect(hub, p, i, faults, random, net);
          }
        }
      }
      for (int k = random.nextInt(20); k > 0 && net.runOne(); k--) {
        // let part of the traffic through
      }
    }
    // heal: every peer reconnects over a perfect link
    for (SyncPeer p : peers) {
      p.session.detach();
    }
    net.runAll();
    for (int i = 0; i < peerCount; i++) {
      connect(hub, peers.get(i), i, Faults.NONE, random, net);
    }
    net.runAll();
    for (int t = 0; t < 15; t++) { // 45 s of renewals and expiry
      ticker.advance(Awareness.CHECK_INTERVAL_MILLIS);
      peers.forEach(SyncPeer::maintain);
      hub.maintain();
      net.runAll();
    }
    for (int i = 0; i < peerCount; i++) {
      SyncPeer p = peers.get(i);
      String doc = DOCS[i % 2];
      Doc hubDoc = new Doc(5);
      hubDoc.applyUpdate(hub.encodeStateAsUpdate(doc));
      assertEquals(hubDoc.getMap("m").toJson(), p.map(), "peer " + i + " vs hub, seed " + seed);
      assertTrue(p.map().keySet().containsAll(written.get(i)), "peer " + i + " lost an edit, seed " + seed);
      for (int j = 0; j < peerCount; j++) {
        if (j % 2 == i % 2) {
          assertTrue(p.sameAs(peers.get(j)), "peers " + i + " and " + j + " differ, seed " + seed);
          assertTrue(p.map().keySet().containsAll(written.get(j)), "edit of " + j + " lost at " + i);
        }
      }
      assertEquals(expectedPresence(peers, i % 2), json(p.presence()), "presence at peer " + i + ", seed " + seed);
    }
    for (String doc : DOCS) {
      int parity = doc.equals(DOCS[0]) ? 0 : 1;
      if (peerCount > parity) {
        assertEquals(expectedPresence(peers, parity), json(hub.awarenessStates(doc)), "hub presence of " + doc);
      }
    }
    hub.close();
  }

  private static void connect(SyncHub hub, SyncPeer p, int index, Faults faults, Random random, ManualExecutor net) {
    MemoryTransport.Pair pair = MemoryTransport.pair(net);
    p.session.attach(new FaultyTransport(pair.client(), faults, new Random(random.nextLong()), net));
    hub.join(DOCS[index % 2], new FaultyTransport(pair.server(), faults, new Random(random.nextLong()), net), null);
  }

  private static Map<Long, String> expectedPresence(List<SyncPeer> peers, int parity) {
    Map<Long, String> out = new TreeMap<>();
    for (int j = parity; j < peers.size(); j += 2) {
      SyncPeer q = peers.get(j);
      out.put(q.awareness.clientId(), Json.stringify(q.awareness.localState()));
    }
    return out;
  }

  private static Map<Long, String> json(Map<Long, Object> states) {
    Map<Long, String> out = new TreeMap<>();
    states.forEach((k, v) -> out.put(k, Json.stringify(v)));
    return out;
  }
}
