package dev.weft.transport.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.transport.testing.ManualTicker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keep-alive and ping clocks, driven by a manual ticker. */
class LivenessTest {
  private final ManualTicker ticker = new ManualTicker();
  private final List<String> actions = new ArrayList<>();
  private final Liveness liveness = new Liveness(ticker, 15_000, 30_000, new Liveness.Actions() {
    @Override
    public void keepAlive() {
      actions.add("keepAlive@" + ticker.millis());
    }

    @Override
    public void ping() {
      actions.add("ping@" + ticker.millis());
    }

    @Override
    public void dead(long silentMillis) {
      actions.add("dead@" + ticker.millis() + "/" + silentMillis);
    }
  });

  /** Advances {@code millis} (a multiple of the tick), ticking as the timer would. */
  private void runFor(long millis) {
    for (long i = 0; i < millis / liveness.tickMillis(); i++) {
      ticker.advance(liveness.tickMillis());
      liveness.tick();
    }
  }

  @Test
  void tickMillis_isAThirdOfTheShorterInterval() {
    assertEquals(5_000, liveness.tickMillis());
  }

  @Test
  void silentSender_keepsAliveEvery15s() {
    liveness.received();
    runFor(25_000);
    assertEquals(List.of("keepAlive@15000"), actions);
  }

  @Test
  void sending_postponesTheKeepAlive() {
    for (int i = 0; i < 5; i++) {
      runFor(10_000);
      liveness.sent();
      liveness.received();
    }
    assertEquals(List.of("ping@30000"), actions);
  }

  @Test
  void answeringPeer_isPingedAndNeverDeclaredDead() {
    for (int i = 0; i < 12; i++) {
      runFor(10_000);
      liveness.received(); // pongs
      liveness.sent();
    }
    assertEquals(List.of("ping@30000", "ping@60000", "ping@90000", "ping@120000"), actions);
  }

  @Test
  void silentPeer_isDeclaredDeadAfterAPingGoesUnanswered() {
    runFor(70_000);
    assertEquals(List.of("keepAlive@15000", "ping@30000", "keepAlive@30000", "keepAlive@45000", "dead@60000/60000"),
        actions);
    runFor(60_000);
    assertEquals(5, actions.size(), "nothing after dead");
  }

  @Test
  void badIntervals_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Liveness(ticker, -1, 30_000, null));
    assertThrows(IllegalArgumentException.class, () -> new Liveness(ticker, 0, 0, null));
  }
}
