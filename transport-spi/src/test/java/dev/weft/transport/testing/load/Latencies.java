package dev.weft.transport.testing.load;

import java.util.Arrays;

/**
 * Delivery latencies in nanoseconds, appended from many threads; percentiles are exact (sorted
 * copy), which is cheap for the few hundred thousand samples a load run records.
 */
final class Latencies {
  private long[] samples = new long[1 << 16];
  private int size;

  synchronized void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  synchronized int count() {
    return size;
  }

  /** The {@code q}-quantile (0..1) in milliseconds, nearest rank; NaN without samples. */
  synchronized double percentileMillis(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
  }
}
