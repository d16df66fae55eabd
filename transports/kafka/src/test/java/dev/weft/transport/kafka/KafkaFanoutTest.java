package dev.weft.transport.kafka;

import static dev.weft.transport.kafka.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weft.transport.Ticker;
import dev.weft.transport.Transports;
import dev.weft.transport.testing.SyncPeer;
import java.net.URI;
import java.nio.file.Path;
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
