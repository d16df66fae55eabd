package dev.weft.transport.testing;

import dev.weft.transport.Ticker;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Ticker} that moves only when told to. */
public final class ManualTicker implements Ticker {
  private final AtomicLong now = new AtomicLong();

  @Override
  public long millis() {
    return now.get();
  }

  public void advance(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("time never goes back: millis=" + millis);
    }
    now.addAndGet(millis);
  }
}
