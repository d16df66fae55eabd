package dev.weft.examples.collab;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds or a generous deadline passes (no assertion on timings). */
final class Eventually {
  private Eventually() {}

  /** Returns the last value once {@code done} accepts it; fails with {@code what} and that value. */
  static <T> T await(String what, Callable<T> probe, java.util.function.Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = probe.call();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
  }
}
