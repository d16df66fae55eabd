package dev.weft.transport.redis;

import static dev.weft.transport.redis.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.transport.store.FileDocumentStore;
import dev.weft.transport.testing.SyncPeer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures mid-stream: Redis restarted without persistence, a node restarted, a node cut off
 * while the stream is compacted past it. Every edit a client made is checked on every replica.
 */
class ResilienceTest {
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

  private static void assertHasAll(SyncPeer p, String prefix, int n) {
    Map<String, Object> m = p.map();
    for (int i = 0; i < n; i++) {
      assertEquals((long) i, ((Number) m.get(prefix + i)).longValue(), "lost " + prefix + i);
    }
  }

  @Test
  void redisRestartMidStream_losesNothingAndConverges() throws Exception {
    try (Node a = new Node("a", redis.uri(), dir.resolve("a"), null, "doc");
        Node b = new Node("b", redis.uri(), dir.resolve("b"), null, "doc")) {
      SyncPeer alice = a.client("doc");
      SyncPeer bob = b.client("doc");
      for (int i = 0; i < 60; i++) {
        alice.set("a" + i, i);
        bob.set("b" + i, i);
        if (i == 30) {
          redis.restart(); // every stream and epoch is gone
        }
        Thread.sleep(5);
      }
      await("convergence after the restart", 30_000, () -> alice.sameAs(bob) && alice.map().size() == 120);
      assertHasAll(bob, "a", 60);
      assertHasAll(alice, "b", 60);
    }
  }

  @Test
  void nodeRestartMidStream_catchesUpFromItsStoreAndTheBus() throws Exception {
    Node a = new Node("a", redis.uri(), dir.resolve("a"), null, "doc");
    Node b = new Node("b", redis.uri(), dir.resolve("b"), null, "doc");
    SyncPeer alice = a.client("doc");
    SyncPeer bob = b.client("doc");
    for (int i = 0; i < 20; i++) {
      alice.set("a" + i, i);
      bob.set("b" + i, i);
    }
    b.close(); // bob's connection ends with it; bob keeps editing offline
    bob.session.detach();
    for (int i = 20; i < 40; i++) {
      alice.set("a" + i, i);
      bob.set("b" + i, i);
    }
    Node b2 = new Node("b", redis.uri(), dir.resolve("b"), null, "doc");
    try (a; b2) {
      b2.attach(bob, "doc");
      SyncPeer carol = b2.client("doc");
      await("convergence after the node restart", 20_000,
          () -> alice.sameAs(bob) && carol.sameAs(alice) && alice.map().size() == 80);
      assertHasAll(carol, "a", 40);
      assertHasAll(alice, "b", 40);
    }
  }

  @Test
  void nodeBehindTheTrim_resyncsFromTheArchive() throws Exception {
    redis.command("ACL SETUSER nodeb on >secret ~* &* +@all");
    URI asB = URI.create("redis://nodeb:secret@127.0.0.1:" + redis.port());
    try (FileDocumentStore archive = new FileDocumentStore(dir.resolve("archive"));
        Node a = new Node("a", redis.uri(), dir.resolve("a"), archive, "doc");
        Node b = new Node("b", asB, dir.resolve("b"), archive, "doc")) {
      SyncPeer alice = a.client("doc");
      SyncPeer bob = b.client("doc");
      alice.set("a0", 0);
      await("first sync", 10_000, () -> bob.sameAs(alice));
      redis.command("ACL SETUSER nodeb off");
      redis.command("CLIENT KILL USER nodeb"); // node b is cut off and cannot log in again
      for (int i = 1; i < 30; i++) {
        alice.set("a" + i, i);
      }
      await("a's edits on the stream", 10_000, () -> streamLength("doc") >= 29);
      long trimmed = a.fanout.compact("doc", java.time.Duration.ZERO);
      assertTrue(trimmed >= 29, "trimmed " + trimmed);
      assertEquals(0, streamLength("doc"));
      assertTrue(!archive.load("doc").isEmpty(), "archived");
      redis.command("ACL SETUSER nodeb on");
      await("b to resync from the archive", 20_000, () -> bob.sameAs(alice) && bob.map().size() == 30);
      assertHasAll(bob, "a", 30);
    }
  }

  private long streamLength(String doc) {
    try {
      String reply = redis.command("XLEN weft:{" + doc + "}:log");
      return Long.parseLong(reply.substring(1));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
