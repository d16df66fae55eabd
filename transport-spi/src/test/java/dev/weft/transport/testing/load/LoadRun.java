package dev.weft.transport.testing.load;

import dev.weft.transport.SyncSession;
import dev.weft.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A load run over one transport: {@code documents} documents with {@code writers} writing
 * replicas each, every replica a {@link Doc} and a {@link SyncSession} on a transport that the
 * {@link Connector} opens (a WebSocket to a server, or an in-memory link to one of several nodes
 * joined by Redis or Kafka).
 *
 * <p>Each update sets the writer's own key {@code w<i>} of the map {@code "load"} to the writer's
 * next sequence number, so a receiver learns from the map which updates have reached it and the
 * latency of each one is the time from just before the writer's transaction to the end of the
 * receiver's transaction that applied it (one JVM, one clock). Updates that arrive merged count
 * once per sequence number, at the time they arrive.
 *
 * <p>After a warm-up burst that is not measured (the JIT compiles the paths), two phases, each
 * ending when every writer holds every update of its document:
 * <ul>
 *   <li>{@code paced}: every writer sends {@code pacedUpdates} at {@code pacedRate} per second
 *       from a random start, the latency a user sees at that offered load;</li>
 *   <li>{@code burst}: every writer sends {@code burstUpdates} as fast as the senders can, the
 *       throughput of the whole path (updates written per second until all replicas hold
 *       them) and the latency under saturation.</li>
 * </ul>
 */
public final class LoadRun {
  /** Opens the transport of one writer of one document. */
  @FunctionalInterface
  public interface Connector {
    Transport connect(String document, int writer) throws Exception;
  }

  /** What a run does; {@link #standard()} is 100 documents × 10 writers. */
  public record Settings(int documents, int writers, int warmupUpdates, int pacedUpdates,
      double pacedRate, int burstUpdates, Duration timeout) {
    public static Settings standard() {
      return new Settings(Integer.getInteger("weft.load.documents", 100),
          Integer.getInteger("weft.load.writers", 10),
          Integer.getInteger("weft.load.warmup", 20),
          Integer.getInteger("weft.load.paced", 20), 2.0,
          Integer.getInteger("weft.load.burst", 20), Duration.ofMinutes(3));
    }
  }

  private final Settings settings;

  public LoadRun(Settings settings) {
    this.settings = settings;
  }

  /** Runs both phases and closes every writer; the connector's resources are the caller's. */
  public List<LoadReport> run(String transport, Connector connector) throws Exception {
    int warmup = settings.warmupUpdates();
    int pacedEnd = warmup + settings.pacedUpdates();
    int total = pacedEnd + settings.burstUpdates();
    List<Writer> writers = new ArrayList<>();
    Latencies paced = new Latencies();
    Latencies burst = new Latencies();
    try {
      for (int d = 0; d < settings.documents(); d++) {
        long[][] sentAt = new long[settings.writers()][total + 1];
        for (int w = 0; w < settings.writers(); w++) {
          Writer writer = new Writer(w, sentAt, warmup, settings.pacedUpdates(), paced, burst);
          writer.session.attach(connector.connect("load-" + d, w));
          writers.add(writer);
        }
      }
      awaitSynced(writers);
      runBurst(writers, warmup);
      awaitAll(writers, warmup);
      List<LoadReport> reports = new ArrayList<>();
      long start = System.nanoTime();
      runPaced(writers, pacedEnd);
      awaitAll(writers, pacedEnd);
      reports.add(report(transport, "paced", paced, System.nanoTime() - start));
      start = System.nanoTime();
      runBurst(writers, total);
      awaitAll(writers, total);
      reports.add(report(transport, "burst", burst, System.nanoTime() - start));
      return reports;
    } finally {
      for (Writer w : writers) {
        w.session.close();
      }
    }
  }

  private LoadReport report(String transport, String phase, Latencies latencies, long nanos) {
    long updates = (long) settings.documents() * settings.writers()
        * ("paced".equals(phase) ? settings.pacedUpdates() : settings.burstUpdates());
    return new LoadReport(transport, phase, settings.documents(), settings.writers(), updates,
        latencies.count(), nanos / 1e9, latencies.percentileMillis(0.5),
        latencies.percentileMillis(0.99), latencies.percentileMillis(1.0));
  }

  private void runPaced(List<Writer> writers, int until) throws InterruptedException {
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    CountDownLatch done = new CountDownLatch(writers.size());
    long periodMicros = (long) (1_000_000 / settings.pacedRate());
    try {
      for (Writer w : writers) {
        long offset = ThreadLocalRandom.current().nextLong(periodMicros);
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        synchronized (self) {
          self[0] = timer.scheduleAtFixedRate(() -> {
            if (w.sent() < until) {
              w.send();
            }
            if (w.sent() == until) {
              synchronized (self) {
                if (!self[0].isCancelled()) {
                  self[0].cancel(false);
                  done.countDown();
                }
              }
            }
          }, offset, periodMicros, TimeUnit.MICROSECONDS);
        }
      }
      if (!done.await(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("paced senders did not finish in " + settings.timeout());
      }
    } finally {
      timer.shutdownNow();
    }
  }

  private void runBurst(List<Writer> writers, int total) throws InterruptedException {
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try {
      for (Writer w : writers) {
        senders.execute(() -> {
          while (w.sent() < total) {
            w.send();
          }
        });
      }
    } finally {
      senders.shutdown();
    }
    if (!senders.awaitTermination(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("burst senders did not finish in " + settings.timeout());
    }
  }

  private void awaitSynced(List<Writer> writers) throws Exception {
    await(() -> writers.stream().allMatch(w -> w.session.isSynced()), "all writers synced");
  }

  private void awaitAll(List<Writer> writers, int seq) throws Exception {
    await(() -> writers.stream().allMatch(w -> w.holdsAll(seq)), "every update at every writer");
  }

  private void await(java.util.function.BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("not reached in " + settings.timeout() + ": " + what);
      }
      Thread.sleep(5);
    }
  }
}
