package dev.weft.transport.websocket.internal;

import dev.weft.transport.Ticker;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one connection visibly alive and notices when the peer is gone.
 *
 * <p>Two clocks, because y-websocket watches two different things (YJS-FORMAT §4.4):
 * <ol>
 *   <li><b>Keep-alive data.</b> A y-websocket client reconnects when no <em>message</em> has
 *       arrived for 30 s; WebSocket pings do not count (browsers never surface them). Its own 15 s
 *       awareness renewals, echoed by the hub, normally keep it alive, but a client without an
 *       awareness state sends none. So when nothing has been sent for {@code keepAliveMillis}, the
 *       {@link Actions#keepAlive} action sends a harmless message (the server sends an empty
 *       awareness update). With the default 15 s and a tick of a third of that, a client never
 *       waits more than 20 s.
 *   <li><b>Pings.</b> Every {@code pingMillis} a ping goes out, as y-websocket's server does every
 *       30 s. If nothing at all (message, ping or pong) arrived since the previous ping, the peer
 *       is declared {@linkplain Actions#dead dead}: a half-open TCP connection is noticed within
 *       two ping intervals instead of never.
 * </ol>
 * Time comes from an injected {@link Ticker}, so tests drive {@link #tick()} by hand.
 */
public final class Liveness {
  /** What a connection does when its clocks fire; called on the timer thread. */
  public interface Actions {
    /** Send a message that changes nothing for the peer. */
    void keepAlive();

    /** Send a WebSocket ping. */
    void ping();

    /** Nothing arrived for {@code silentMillis}, across a ping: close the connection. */
    void dead(long silentMillis);
  }

  private final Ticker ticker;
  private final long keepAliveMillis;
  private final long pingMillis;
  private final Actions actions;
  private volatile long lastSent;
  private volatile long lastReceived;
  private long lastPing;
  private boolean pinged;
  private boolean stopped;

  /**
   * @param keepAliveMillis send keep-alive data after this long without sending; 0 never
   * @param pingMillis ping this often; at least 1
   */
  public Liveness(Ticker ticker, long keepAliveMillis, long pingMillis, Actions actions) {
    if (keepAliveMillis < 0) {
      throw new IllegalArgumentException("keepAliveMillis must not be negative: keepAliveMillis=" + keepAliveMillis);
    }
    if (pingMillis < 1) {
      throw new IllegalArgumentException("pingMillis must be positive: pingMillis=" + pingMillis);
    }
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.keepAliveMillis = keepAliveMillis;
    this.pingMillis = pingMillis;
    this.actions = Objects.requireNonNull(actions, "actions");
    long now = ticker.millis();
    this.lastSent = now;
    this.lastReceived = now;
    this.lastPing = now;
  }

  /** Something went out to the peer. */
  public void sent() {
    lastSent = ticker.millis();
  }

  /** Something (message, ping or pong) came from the peer. */
  public void received() {
    lastReceived = ticker.millis();
  }

  /** How often {@link #tick()} should run: a third of the shorter interval. */
  public long tickMillis() {
    long shortest = keepAliveMillis > 0 ? Math.min(keepAliveMillis, pingMillis) : pingMillis;
    return Math.max(1, shortest / 3);
  }

  /** Runs {@link #tick()} every {@link #tickMillis()} on {@code scheduler}. */
  public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler) {
    long every = tickMillis();
    return scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
  }

  /** Stops for good: later ticks do nothing. */
  public synchronized void stop() {
    stopped = true;
  }

  /** Checks both clocks and runs the actions that are due. */
  public synchronized void tick() {
    if (stopped) {
      return;
    }
    long now = ticker.millis();
    if (now - lastPing >= pingMillis) {
      if (pinged && lastReceived < lastPing) {
        stopped = true;
        run(() -> actions.dead(now - lastReceived));
        return;
      }
      lastPing = now;
      pinged = true;
      run(actions::ping);
    }
    if (keepAliveMillis > 0 && now - lastSent >= keepAliveMillis) {
      lastSent = now;
      run(actions::keepAlive);
    }
  }

  /** A failing action must not cancel the schedule (a failed ping is followed by "dead" later). */
  private static void run(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      Thread t = Thread.currentThread();
      t.getUncaughtExceptionHandler().uncaughtException(t, e);
    }
  }
}
