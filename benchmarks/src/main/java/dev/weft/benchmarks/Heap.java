package dev.weft.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap figures. {@link #used()} is what crdt-benchmarks' {@code getMemUsed} measures in Node: the
 * heap in use right after a full collection, so a difference of two readings is what a document
 * keeps alive (give or take what the JIT and class loading allocate meanwhile). {@link #retained}
 * is exact: the sizes of all objects reachable from a root, walked with JOL.
 */
final class Heap {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private Heap() {}

  /** Used heap after full collections (repeated until it stops shrinking, at most five). */
  static long used() {
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long now = MEMORY.getHeapMemoryUsage().getUsed();
      if (now >= last) {
        return now;
      }
      last = now;
    }
    return last;
  }

  /** Bytes of every object reachable from {@code root}. */
  static long retained(Object root) {
    // records' field offsets are not available through Unsafe; let JOL find them by itself
    System.setProperty("jol.magicFieldOffset", "true");
    return GraphLayout.parseInstance(root).totalSize();
  }
}
