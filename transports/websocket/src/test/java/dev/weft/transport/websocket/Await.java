package dev.weft.transport.websocket;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Polls a condition with a deadline, for tests over real sockets. */
public final class Await {
  private Await() {}

  public static void until(String what, BooleanSupplier condition) throws InterruptedException {
    until(what, 15_000, condition);
  }

  public static void until(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after " + timeoutMillis + " ms waiting for " + what);
      }
      Thread.sleep(5);
    }
  }
}
