package dev.weft.transport.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.transport.Ticker;
import dev.weft.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit every {@link Transport} adapter runs: extend it, implement {@link
 * #connect()} to return two connected ends, and JUnit runs every check below against the adapter
 * (cf. agrona's {@code Int2IntHashMapConformanceTest}).
 *
 * <p>The first checks are the {@link Transport} contract itself (whole messages, order, buffering
 * before start, one close for both ends, sends after close fail). The rest run sync sessions over
 * the adapter wrapped in a {@link FaultyTransport}: loss, duplicates and reordering, then
 * reconnects, and check that both replicas converge and that no edit is lost.
 *
 * <pre>{@code
 * class WebSocketTransportContractTest extends TransportContract {
 *   protected Link connect() throws Exception { ... return new Link(clientEnd, serverEnd); }
 * }
 * }</pre>
 */
public abstract class TransportContract {
  /** Two connected ends of one connection. */
  public record Link(Transport client, Transport server) {}

  /** A fresh connection. */
  protected abstract Link connect() throws Exception;

  /**
   * Lets in-flight work progress. Adapters with their own threads keep this default (a short
   * sleep); deterministic ones run their executor here.
   */
  protected void settle() throws InterruptedException {
    Thread.sleep(1);
  }

  /** Where {@link FaultyTransport} runs the hops of delayed messages. */
  protected Executor delayExecutor() {
    return ForkJoinPool.commonPool();
  }

  /** The seed of the fault injection; print it when a test fails. */
  protected long seed() {
    return 20240611L;
  }

  /** How long {@link #await} waits before failing. */
  protected long timeoutMillis() {
    return 20_000;
  }

  protected final void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis());
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what + " (seed " + seed() + ")");
      }
      settle();
    }
  }

  /** Records what a {@link Transport} delivers. */
  protected static final class Inbox implements Transport.Receiver {
    private final List<byte[]> messages = new ArrayList<>();
    private final AtomicInteger closes = new AtomicInteger();

    @Override
    public synchronized void onMessage(byte[] message) {
      messages.add(message);
    }

    @Override
    public void onClose(Throwable cause) {
      closes.incrementAndGet();
    }

    public synchronized List<byte[]> messages() {
      return new ArrayList<>(messages);
    }

    public int closes() {
      return closes.get();
    }
  }

  private static byte[] payload(int i) {
    byte[] b = new byte[1 + (i * 37) % 700];
    for (int k = 0; k < b.length; k++) {
      b[k] = (byte) (i + k);
    }
    return b;
  }

  @Test
  void messagesArriveWholeAndInOrderBothWays() throws Exception {
    Link link = connect();
    Inbox atClient = new Inbox();
    Inbox atServer = new Inbox();
    link.client().start(atClient);
    link.server().start(atServer);
    for (int i = 0; i < 100; i++) {
      link.client().send(payload(i));
      link.server().send(payload(1000 + i));
    }
    await("100 messages each way", () -> atServer.messages().size() == 100 && atClient.messages().size() == 100);
    for (int i = 0; i < 100; i++) {
      assertArrayEquals(payload(i), atServer.messages().get(i), "client->server #" + i);
      assertArrayEquals(payload(1000 + i), atClient.messages().get(i), "server->client #" + i);
    }
    link.client().close();
  }

  @Test
  void sendCompletes() throws Exception {
    Link link = connect();
    link.server().start(new Inbox());
    link.client().start(new Inbox());
    var done = link.client().send(payload(1)).toCompletableFuture();
    await("the send to complete", done::isDone);
    done.get();
    link.client().close();
  }

  @Test
  void messagesSentBeforeStartAreKept() throws Exception {
    Link link = connect();
    Inbox atClient = new Inbox();
    link.client().start(atClient);
    link.client().send(payload(7));
    Inbox atServer = new Inbox();
    link.server().start(atServer);
    await("the early message", () -> atServer.messages().size() == 1);
    assertArrayEquals(payload(7), atServer.messages().get(0));
    link.client().close();
  }

  @Test
  void closeIsSeenOnceByBothEndsAndLaterSendsFail() throws Exception {
    Link link = connect();
    Inbox atClient = new Inbox();
    Inbox atServer = new Inbox();
    link.client().start(atClient);
    link.server().start(atServer);
    link.client().close();
    link.client().close();
    await("both ends to see the close", () -> atClient.closes() == 1 && atServer.closes() == 1);
    var late = link.server().send(payload(3)).toCompletableFuture();
    await("the late send to settle", late::isDone);
    assertThrows(ExecutionException.class, late::get);
    for (int i = 0; i < 20; i++) {
      settle();
    }
    assertEquals(1, atClient.closes());
    assertEquals(1, atServer.closes());
    assertTrue(atServer.messages().isEmpty());
  }

  private FaultyTransport faulty(Transport t, Faults faults, Random random) {
    return new FaultyTransport(t, faults, random, delayExecutor());
  }

  @Test
  void syncConvergesDespiteLossDuplicatesAndReordering() throws Exception {
    Random random = new Random(seed());
    SyncPeer client = new SyncPeer(1, Ticker.system(), false);
    SyncPeer server = new SyncPeer(2, Ticker.system(), true);
    Link link = connect();
    FaultyTransport c = faulty(link.client(), Faults.lossy(0.2), random);
    FaultyTransport s = faulty(link.server(), Faults.lossy(0.2), random);
    client.session.attach(c);
    server.session.attach(s);
    for (int i = 0; i < 40; i++) {
      client.set("c" + i, i);
      server.set("s" + i, i);
      settle();
    }
    c.heal();
    s.heal();
    client.session.resync();
    server.session.resync();
    await("convergence", () -> client.sameAs(server) && client.map().size() == 80);
    client.session.close();
    server.session.close();
  }

  @Test
  void reconnectResyncsAndNothingIsLost() throws Exception {
    Random random = new Random(seed() + 1);
    SyncPeer client = new SyncPeer(1, Ticker.system(), false);
    SyncPeer server = new SyncPeer(2, Ticker.system(), true);
    Faults faults = Faults.lossy(0.1).withDisconnect(0.05);
    FaultyTransport[] ends = new FaultyTransport[2];
    int edits = 0;
    for (int round = 0; round < 8; round++) {
      Link link = connect();
      ends[0] = faulty(link.client(), faults, random);
      ends[1] = faulty(link.server(), faults, random);
      client.session.attach(ends[0]);
      server.session.attach(ends[1]);
      for (int i = 0; i < 15; i++, edits++) {
        client.set("c" + edits, edits);
        server.set("s" + edits, edits);
        settle();
      }
      client.session.detach();
      server.session.detach();
      client.set("offline-c" + round, round); // edits while disconnected
      server.set("offline-s" + round, round);
    }
    Link link = connect();
    client.session.attach(link.client());
    server.session.attach(link.server());
    int expected = 2 * edits + 16;
    await("resync after reconnect", () -> client.sameAs(server) && client.map().size() == expected);
    Map<String, Object> m = client.map();
    for (int i = 0; i < edits; i++) {
      assertEquals((long) i, ((Number) m.get("c" + i)).longValue(), "lost c" + i);
      assertEquals((long) i, ((Number) m.get("s" + i)).longValue(), "lost s" + i);
    }
    client.session.close();
    server.session.close();
  }
}
