package dev.weft.transport.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.transport.Transport;
import dev.weft.transport.testing.TransportContract;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract kit over a real Redis: the two ends of a link are two participants (of two nodes)
 * on a fresh document's stream; sessions over them sync through the bus.
 */
@ExtendWith(Inapplicable.class)
class RedisTransportContractTest extends TransportContract {
  private static final AtomicInteger DOCS = new AtomicInteger();
  private static RedisServer redis;
  private static RedisFanout nodeA;
  private static RedisFanout nodeB;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = new RedisServer();
    nodeA = RedisFanout.builder(redis.uri()).node("a").build();
    nodeB = RedisFanout.builder(redis.uri()).node("b").build();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    nodeA.close();
    nodeB.close();
    redis.close();
  }

  @Override
  protected Link connect() throws Exception {
    String doc = "contract-" + DOCS.incrementAndGet();
    return new Link(nodeA.open(doc), nodeB.open(doc));
  }

  @Override
  protected void settle() throws InterruptedException {
    Thread.sleep(5);
  }

  @Test
  void closedParticipant_failsSendsAndSeesOneClose() throws Exception {
    Link link = connect();
    Recorder inbox = new Recorder();
    link.client().start(inbox);
    link.client().close();
    link.client().close();
    await("the close", () -> inbox.closes() == 1);
    var late = link.client().send(new byte[] {1}).toCompletableFuture();
    assertThrows(ExecutionException.class, late::get);
    Recorder other = new Recorder();
    link.server().start(other);
    var sent = link.server().send(new byte[] {2}).toCompletableFuture();
    sent.get(); // the other participant is unaffected
    assertEquals(0, other.closes());
    link.server().close();
  }

  @Test
  void ownEntriesAreNotEchoed() throws Exception {
    Link link = connect();
    Recorder mine = new Recorder();
    Recorder theirs = new Recorder();
    link.client().start(mine);
    link.server().start(theirs);
    link.client().send(new byte[] {42}).toCompletableFuture().get();
    await("the other side to receive", () -> theirs.messages().size() == 1);
    Thread.sleep(600); // a full read cycle
    assertTrue(mine.messages().isEmpty(), "echoed to its sender");
    close(link.client(), link.server());
  }

  private static void close(Transport... ts) {
    for (Transport t : ts) {
      t.close();
    }
  }
}
