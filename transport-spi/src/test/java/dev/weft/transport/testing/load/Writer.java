package dev.weft.transport.testing.load;

import dev.weft.crdt.Doc;
import dev.weft.crdt.YMap;
import dev.weft.transport.SyncSession;

/**
 * One writing replica of a load run. Its key in the map {@code "load"} is {@code w<index>}; on
 * every transaction it looks at the other writers' keys and records the latency of each sequence
 * number it sees for the first time. All of it runs under the document's monitor, the lock that
 * {@link SyncSession} takes.
 */
final class Writer {
  final Doc doc = new Doc();
  final SyncSession session = SyncSession.builder(doc).build();
  private final int index;
  private final long[][] sentAt;
  private final long[] seen;
  private final int warmup;
  private final int pacedUpdates;
  private final Latencies paced;
  private final Latencies burst;
  private final YMap map;
  private int sent;

  /**
   * Sequence numbers up to {@code warmup} are not measured, the next {@code pacedUpdates} go to
   * {@code paced}, the rest to {@code burst}.
   */
  Writer(int index, long[][] sentAt, int warmup, int pacedUpdates, Latencies paced, Latencies burst) {
    this.index = index;
    this.sentAt = sentAt;
    this.seen = new long[sentAt.length];
    this.warmup = warmup;
    this.pacedUpdates = pacedUpdates;
    this.paced = paced;
    this.burst = burst;
    this.map = doc.getMap("load");
    doc.onUpdate((update, origin, tx) -> observe());
  }

  /** Writes the next update. */
  void send() {
    synchronized (doc) {
      int seq = ++sent;
      synchronized (sentAt) {
        sentAt[index][seq] = System.nanoTime();
      }
      map.set("w" + index, seq);
    }
  }

  int sent() {
    synchronized (doc) {
      return sent;
    }
  }

  /** Whether every other writer's updates up to {@code seq} have arrived here. */
  boolean holdsAll(int seq) {
    synchronized (doc) {
      for (int w = 0; w < seen.length; w++) {
        if (w != index && seen[w] < seq) {
          return false;
        }
      }
      return true;
    }
  }

  private void observe() {
    long now = System.nanoTime();
    for (int w = 0; w < seen.length; w++) {
      if (w == index) {
        continue;
      }
      Object value = map.get("w" + w);
      long seq = value instanceof Number n ? n.longValue() : 0;
      for (long s = seen[w] + 1; s <= seq; s++) {
        long sentNanos;
        synchronized (sentAt) {
          sentNanos = sentAt[w][(int) s];
        }
        if (s > warmup) {
          (s <= warmup + pacedUpdates ? paced : burst).add(now - sentNanos);
        }
      }
      seen[w] = Math.max(seen[w], seq);
    }
  }
}
