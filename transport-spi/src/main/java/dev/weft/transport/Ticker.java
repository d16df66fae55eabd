package dev.weft.transport;

/**
 * A source of milliseconds for timeouts (awareness expiry, idle documents, stalled peers). Inject
 * a manual one in tests so that every timeout is reproducible.
 */
@FunctionalInterface
public interface Ticker {
  /** Milliseconds since an arbitrary but fixed origin; never decreases. */
  long millis();

  /** The JVM's monotonic clock. */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}

enum SystemTicker implements Ticker {
  INSTANCE;

  @Override
  public long millis() {
    return System.nanoTime() / 1_000_000;
  }
}
