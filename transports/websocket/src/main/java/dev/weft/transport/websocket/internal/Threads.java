package dev.weft.transport.websocket.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the adapter runs on unless told otherwise: a cached pool of daemon threads for
 * deliveries and completions (a receiver may block on a document lock, so not the common
 * fork-join pool, which has one thread on a two-core machine), and one daemon thread for timers.
 */
public final class Threads {
  private Threads() {}

  private static final class Holder {
    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(factory("weft-websocket-"));
    static final ScheduledExecutorService SCHEDULER = scheduler();

    private static ScheduledExecutorService scheduler() {
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, factory("weft-websocket-timer-"));
      s.setRemoveOnCancelPolicy(true); // connections cancel their timers when they close
      return s;
    }
  }

  /** Runs deliveries and send completions. */
  public static Executor executor() {
    return Holder.EXECUTOR;
  }

  /** Runs keep-alive and ping timers. */
  public static ScheduledExecutorService scheduler() {
    return Holder.SCHEDULER;
  }

  private static ThreadFactory factory(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
