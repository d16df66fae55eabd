package dev.weft.transport.testing;

import dev.weft.transport.Transport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Wraps any {@link Transport} and injects faults into what it sends: loss, duplicates, reordering,
 * delay and disconnects, drawn from a seeded {@link Random} (see {@link Faults}). Wrap both ends
 * of a connection to disturb both directions. {@link #heal()} stops the faults and releases what
 * is held back.
 *
 * <p>Lost, held and delayed messages report success at once, as a real network would.
 */
public final class FaultyTransport implements Transport {
  private final Transport delegate;
  private final Random random;
  private final Executor delayer;
  private Faults faults;
  private final List<byte[]> held = new ArrayList<>();
  private int dropped;

  /**
   * @param delayer runs the hops of delayed messages (a {@link ManualExecutor} keeps tests
   *     deterministic)
   */
  public FaultyTransport(Transport delegate, Faults faults, Random random, Executor delayer) {
    this.delegate = delegate;
    this.faults = faults;
    this.random = random;
    this.delayer = delayer;
  }

  @Override
  public void start(Receiver receiver) {
    delegate.start(receiver);
  }

  @Override
  public CompletionStage<Void> send(byte[] message) {
    List<byte[]> release;
    synchronized (this) {
      if (roll(faults.disconnect())) {
        delegate.close();
        return CompletableFuture.failedFuture(new IOException("injected disconnect"));
      }
      if (roll(faults.drop())) {
        dropped++;
        return CompletableFuture.completedFuture(null);
      }
      if (roll(faults.reorder())) {
        held.add(message);
        return CompletableFuture.completedFuture(null);
      }
      if (roll(faults.delay())) {
        int hops = 1 + random.nextInt(4);
        delayer.execute(() -> hop(message, hops));
        return CompletableFuture.completedFuture(null);
      }
      release = new ArrayList<>(held);
      held.clear();
      if (roll(faults.duplicate())) {
        delegate.send(message);
      }
    }
    CompletionStage<Void> sent = delegate.send(message);
    release.forEach(delegate::send);
    return sent;
  }

  private void hop(byte[] message, int hops) {
    if (hops <= 1) {
      delegate.send(message);
    } else {
      delayer.execute(() -> hop(message, hops - 1));
    }
  }

  private boolean roll(double p) {
    return p > 0 && random.nextDouble() < p;
  }

  /** No more faults from now on; messages held back for reordering are sent. */
  public void heal() {
    List<byte[]> release;
    synchronized (this) {
      faults = Faults.NONE;
      release = new ArrayList<>(held);
      held.clear();
    }
    release.forEach(delegate::send);
  }

  /** Messages lost so far. */
  public synchronized int dropped() {
    return dropped;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
