package dev.weft.transport.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * An executor that runs nothing until asked, on the asking thread: the whole network of a test
 * then runs deterministically on one thread. With a {@link Random}, tasks run in a random (seeded)
 * order, which interleaves the lanes of different connections differently on every seed.
 */
public final class ManualExecutor implements Executor {
  /** More tasks than this in one {@link #runAll()} means the system never goes quiet. */
  public static final int LIVELOCK_LIMIT = 5_000_000;

  private final List<Runnable> tasks = new ArrayList<>();
  private final Random random;

  /** Runs tasks first in, first out. */
  public ManualExecutor() {
    this(null);
  }

  /** Runs tasks in an order drawn from {@code random} (FIFO if null). */
  public ManualExecutor(Random random) {
    this.random = random;
  }

  @Override
  public synchronized void execute(Runnable task) {
    tasks.add(task);
  }

  public synchronized int pending() {
    return tasks.size();
  }

  /** Runs one task; returns false if there was none. */
  public boolean runOne() {
    Runnable next;
    synchronized (this) {
      if (tasks.isEmpty()) {
        return false;
      }
      next = tasks.remove(random == null ? 0 : random.nextInt(tasks.size()));
    }
    next.run();
    return true;
  }

  /** Runs tasks, including those they submit, until none is left; returns how many ran. */
  public int runAll() {
    int n = 0;
    while (runOne()) {
      if (++n > LIVELOCK_LIMIT) {
        throw new IllegalStateException("still busy after " + n + " tasks: livelock?");
      }
    }
    return n;
  }
}
