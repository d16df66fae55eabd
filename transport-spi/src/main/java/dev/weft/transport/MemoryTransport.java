package dev.weft.transport;

import dev.weft.crdt.Subscription;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;

/**
 * An in-process transport: two connected ends that pass byte arrays. Each end delivers on its own
 * serial lane of an {@link Executor}, so a receiver is never called inside {@code send}. A send
 * completes when the peer's receiver has returned from {@code onMessage}, so a peer that is not
 * scheduled (a manual executor in a test) exerts real backpressure.
 *
 * <p>Also reachable by URI: {@link #listen} binds a name, and {@code Transports.connect(URI.create(
 * "mem://name/room"))} hands the other end to the listener, with the URI.
 */
public final class MemoryTransport implements Transport {
  private static final Map<String, BiConsumer<URI, Transport>> LISTENERS = new ConcurrentHashMap<>();

  /** The two ends of one in-memory connection. */
  public record Pair(MemoryTransport client, MemoryTransport server) {}

  private final Executor lane;
  private MemoryTransport peer;
  private final ArrayDeque<Runnable> early = new ArrayDeque<>();
  private Receiver receiver;
  private boolean closed;
  private boolean closeDelivered;

  private MemoryTransport(Executor executor) {
    this.lane = new SerialExecutor(executor);
  }

  /** A connected pair delivering on the common fork-join pool. */
  public static Pair pair() {
    return pair(ForkJoinPool.commonPool());
  }

  /** A connected pair delivering on {@code executor} (one serial lane per end). */
  public static Pair pair(Executor executor) {
    return pair(executor, executor);
  }

  /** A connected pair whose client end delivers on one executor and server end on another. */
  public static Pair pair(Executor clientExecutor, Executor serverExecutor) {
    MemoryTransport a = new MemoryTransport(clientExecutor);
    MemoryTransport b = new MemoryTransport(serverExecutor);
    a.peer = b;
    b.peer = a;
    return new Pair(a, b);
  }

  /**
   * Accepts connections to {@code mem://name/...}: {@code acceptor} gets the URI and the server end.
   * Close the subscription to stop listening.
   */
  public static Subscription listen(String name, BiConsumer<URI, Transport> acceptor) {
    Objects.requireNonNull(acceptor, "acceptor");
    if (LISTENERS.putIfAbsent(name, acceptor) != null) {
      throw new IllegalStateException("already listening: name=" + name);
    }
    return () -> LISTENERS.remove(name, acceptor);
  }

  /** Connects to a {@link #listen}er; {@code uri} is {@code mem://name[/path]}. */
  public static Transport connect(URI uri) throws IOException {
    BiConsumer<URI, Transport> acceptor = LISTENERS.get(uri.getAuthority());
    if (acceptor == null) {
      throw new java.net.ConnectException("nothing listens on " + uri);
    }
    Pair p = pair();
    acceptor.accept(uri, p.server());
    return p.client();
  }

  @Override
  public void start(Receiver r) {
    Objects.requireNonNull(r, "receiver");
    synchronized (this) {
      if (receiver != null) {
        throw new IllegalStateException("already started");
      }
      receiver = r;
    }
    lane.execute(() -> {
      Runnable task;
      while ((task = pollEarly()) != null) {
        task.run();
      }
    });
  }

  private synchronized Runnable pollEarly() {
    return early.poll();
  }

  @Override
  public CompletionStage<Void> send(byte[] message) {
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new IOException("transport closed"));
      }
    }
    CompletableFuture<Void> sent = new CompletableFuture<>();
    peer.lane.execute(() -> peer.runOrBuffer(() -> peer.deliver(message, sent)));
    return sent;
  }

  private void deliver(byte[] message, CompletableFuture<Void> sent) {
    Receiver r;
    synchronized (this) {
      r = closeDelivered ? null : receiver;
    }
    if (r == null) {
      sent.completeExceptionally(new IOException("transport closed"));
      return;
    }
    try {
      r.onMessage(message);
    } finally {
      sent.complete(null);
    }
  }

  private void runOrBuffer(Runnable task) {
    synchronized (this) {
      if (receiver == null) {
        early.add(task);
        return;
      }
    }
    task.run();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    lane.execute(() -> runOrBuffer(this::deliverClose));
    peer.remoteClosed();
  }

  private void remoteClosed() {
    synchronized (this) {
      closed = true;
    }
    lane.execute(() -> runOrBuffer(this::deliverClose));
  }

  private void deliverClose() {
    Receiver r;
    synchronized (this) {
      if (closeDelivered) {
        return;
      }
      closeDelivered = true;
      r = receiver;
    }
    r.onClose(null);
  }
}
