package dev.weft.transport.kafka;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Waits for a condition, failing with a message after a deadline. */
final class Eventually {
  private Eventually() {}

  static void await(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        fail("timed out after " + timeoutMillis + " ms waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
