package dev.weft.transport;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Runs tasks one at a time in submission order on top of any executor. */
final class SerialExecutor implements Executor {
  private final Executor delegate;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private boolean running;

  SerialExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (tasks) {
      tasks.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    delegate.execute(this::runNext);
  }

  private void runNext() {
    Runnable next;
    synchronized (tasks) {
      next = tasks.poll();
      if (next == null) {
        running = false;
        return;
      }
    }
    try {
      next.run();
    } finally {
      delegate.execute(this::runNext);
    }
  }
}
