package dev.weft.transport.redis;

import static dev.weft.transport.redis.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weft.crdt.Doc;
import dev.weft.transport.Ticker;
import dev.weft.transport.Transports;
import dev.weft.transport.testing.SyncPeer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two hubs, each bridged to Redis, serve one document; clients on either see each other. */
class FanoutTest {
  @TempDir
  Path dir;
  private RedisServer redis;

  @BeforeEach
  void start() throws Exception {
    redis = new RedisServer();
  }

  @AfterEach
  void stop() throws Exception {
    redis.close();
  }

  @Test
  void clientsOnDifferentNodes_seeEachOthersEditsAndPresence() throws Exception {
    try (Node a = new Node("a", redis.uri(), dir.resolve("a"), null, "notes");
        Node b = new Node("b", redis.uri(), dir.resolve("b"), null, "notes")) {
      SyncPeer alice = a.client("notes");
      SyncPeer bob = b.client("notes");
      alice.set("from", "alice");
      bob.set("to", "bob");
      alice.setPresence(Map.of("name", "alice"));
      await("edits to cross nodes", 10_000, () -> alice.sameAs(bob) && alice.map().size() == 2);
      await("presence to cross nodes", 10_000, () -> bob.presence().containsKey(alice.doc.clientId()));
      assertEquals(Map.of("from", "alice", "to", "bob"), bob.map());
    }
  }

  @Test
  void redisUri_isFoundByServiceLoader_andSyncsWithAHub() throws Exception {
    try (Node a = new Node("a", redis.uri(), dir.resolve("a"), null, "room")) {
      SyncPeer onHub = a.client("room");
      onHub.set("k", 1);
      SyncPeer direct = new SyncPeer(77, Ticker.system(), false);
      var t = Transports.connect(URI.create(redis.uri() + "/room"));
      assertInstanceOf(StreamTransport.class, t);
      direct.session.attach(t);
      direct.set("d", 2);
      await("the direct client and the hub's client to converge", 10_000,
          () -> direct.sameAs(onHub) && direct.map().size() == 2);
      direct.session.close();
    }
  }

  @Test
  void duplicatedAndReorderedEntries_converge() throws Exception {
    Doc source = new Doc(5);
    List<byte[]> updates = new ArrayList<>();
    source.onUpdate((u, origin, tx) -> updates.add(u));
    for (int i = 0; i < 50; i++) {
      int k = i;
      source.transact(tx -> source.getMap("m").set("k" + (k % 17), k));
    }
    List<byte[]> shuffled = new ArrayList<>(updates);
    shuffled.addAll(updates);
    Collections.reverse(shuffled);
    try (Node a = new Node("a", redis.uri(), dir.resolve("a"), null, "dup");
        RedisFanout raw = RedisFanout.builder(redis.uri()).node("raw").build()) {
      SyncPeer reader = a.client("dup");
      byte[] log = StreamLayout.logKey("dup");
      for (byte[] u : shuffled) {
        raw.publish(log, StreamLayout.bytes("raw/1"), StreamLayout.KIND_UPDATE, u).get();
      }
      await("the reader to hold the source's state", 10_000,
          () -> reader.map().equals(source.getMap("m").toJson()));
      assertEquals(17, reader.map().size());
    }
  }
}
