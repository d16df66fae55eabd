package dev.weft.transport.kafka;

import static dev.weft.transport.kafka.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.transport.MemoryTransport;
import dev.weft.transport.Ticker;
import dev.weft.transport.Transports;
import dev.weft.transport.fanout.Bridge;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.store.FileDocumentStore;
import dev.weft.transport.testing.SyncPeer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two hubs bridged through a real broker; the broker restarts mid-stream and nothing is lost. */
class KafkaFanoutTest {
  @TempDir
  static Path dir;
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = new KafkaBroker(dir);
    broker.createTopic("docs", 4);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  private static void assertHasAll(SyncPeer p, String prefix, int n) {
    Map<String, Object> m = p.map();
    for (int i = 0; i < n; i++) {
      assertEquals((long) i, ((Number) m.get(prefix + i)).longValue(), "lost " + prefix + i);
    }
  }

  @Test
  void clientsOnDifferentNodes_seeEachOthersEditsAndPresence() throws Exception {
    try (Node a = new Node("a", broker.bootstrap(), "docs", dir.resolve("a1"), "notes");
        Node b = new Node("b", broker.bootstrap(), "docs", dir.resolve("b1"), "notes")) {
      SyncPeer alice = a.client("notes");
      SyncPeer bob = b.client("notes");
      alice.set("from", "alice");
      bob.set("to", "bob");
      alice.setPresence(Map.of("name", "alice"));
      await("edits to cross nodes", 20_000, () -> alice.sameAs(bob) && alice.map().size() == 2);
      await("presence to cross nodes", 20_000, () -> bob.presence().containsKey(alice.doc.clientId()));
    }
  }

  @Test
  void documentsSharingOnePartition_eachGetOnlyTheirOwnRecords() throws Exception {
    broker.createTopic("one-partition", 1);
    String[] docs = {"d0", "d1", "d2"};
    try (FileDocumentStore sa = new FileDocumentStore(dir.resolve("a3"));
         FileDocumentStore sb = new FileDocumentStore(dir.resolve("b3"));
         SyncHub ha = SyncHub.builder().store(sa).build();
         SyncHub hb = SyncHub.builder().store(sb).build();
         KafkaFanout fa = KafkaFanout.builder(broker.bootstrap(), "one-partition").node("a").build();
         KafkaFanout fb = KafkaFanout.builder(broker.bootstrap(), "one-partition").node("b").build()) {
      List<Bridge> bridges = new ArrayList<>();
      SyncPeer[] onA = new SyncPeer[docs.length];
      SyncPeer[] onB = new SyncPeer[docs.length];
      for (int i = 0; i < docs.length; i++) {
        bridges.add(fa.bridge(ha, docs[i]));
        bridges.add(fb.bridge(hb, docs[i]));
        onA[i] = join(ha, docs[i], 300 + i);
        onB[i] = join(hb, docs[i], 400 + i);
      }
      for (int i = 0; i < docs.length; i++) {
        for (int k = 0; k < 5; k++) {
          onA[i].set(docs[i] + "-a" + k, k);
          onB[i].set(docs[i] + "-b" + k, k);
        }
      }
      for (int i = 0; i < docs.length; i++) {
        SyncPeer a = onA[i];
        SyncPeer b = onB[i];
        await(docs[i] + " to converge across nodes", 20_000, () -> a.sameAs(b) && a.map().size() == 10);
        for (String key : a.map().keySet()) {
          assertTrue(key.startsWith(docs[i] + "-"), "a record of another document reached " + docs[i] + ": " + key);
        }
      }
      assertEquals(1, fa.readerCount(), "one reader for the one partition, whatever the documents");
      for (Bridge b : bridges) {
        b.close();
      }
    }
  }

  private static SyncPeer join(SyncHub hub, String document, long clientId) {
    SyncPeer p = new SyncPeer(clientId, Ticker.system(), false);
    MemoryTransport.Pair link = MemoryTransport.pair();
    hub.join(document, link.server(), null);
    p.session.attach(link.client());
    return p;
  }

  @Test
  void kafkaUri_isFoundByServiceLoader() throws Exception {
    try (Node a = new Node("a", broker.bootstrap(), "docs", dir.resolve("a2"), "room")) {
      SyncPeer onHub = a.client("room");
      onHub.set("k", 1);
      var t = Transports.connect(URI.create("kafka://" + broker.bootstrap() + "/docs/room?node=direct"));
      assertInstanceOf(RecordTransport.class, t);
      SyncPeer direct = new SyncPeer(77, Ticker.system(), false);
      direct.session.attach(t);
      direct.set("d", 2);
      await("the direct client and the hub's client to converge", 20_000,
          () -> direct.sameAs(onHub) && direct.map().size() == 2);
      direct.session.close();
    }
  }

  @Test
  void brokerRestartMidStream_losesNothingAndConverges() throws Exception {
    try (Node a = new Node("a", broker.bootstrap(), "docs", dir.resolve("a3"), "doc");
        Node b = new Node("b", broker.bootstrap(), "docs", dir.resolve("b3"), "doc")) {
      SyncPeer alice = a.client("doc");
      SyncPeer bob = b.client("doc");
      for (int i = 0; i < 40; i++) {
        alice.set("a" + i, i);
        bob.set("b" + i, i);
        if (i == 20) {
          broker.restart();
        }
        Thread.sleep(5);
      }
      await("convergence after the restart", 60_000, () -> alice.sameAs(bob) && alice.map().size() == 80);
      assertHasAll(bob, "a", 40);
      assertHasAll(alice, "b", 40);
    }
  }
}
