package dev.weft.transport.fanout;

import dev.weft.transport.Transport;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The receiving half of a transport: one thread that calls the {@link Transport.Receiver}, so
 * messages arrive in order and never on a sender's thread. Messages that arrive before {@link
 * #start} are kept; {@link #close} delivers {@code onClose} once (at start, if it comes before
 * it) and nothing after it.
 */
public final class Inbound {
  private final ExecutorService lane;
  private final ArrayDeque<byte[]> early = new ArrayDeque<>();
  private Transport.Receiver receiver;
  private boolean closing;
  private Throwable closeCause;

  public Inbound(String name) {
    this.lane = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  public synchronized void start(Transport.Receiver r) {
    Objects.requireNonNull(r, "receiver");
    if (receiver != null) {
      throw new IllegalStateException("already started");
    }
    receiver = r;
    while (!early.isEmpty()) {
      byte[] m = early.poll();
      lane.execute(() -> r.onMessage(m));
    }
    if (closing) {
      finish();
    }
  }

  /** Queues one message for the receiver; ignored once closing. */
  public synchronized void offer(byte[] message) {
    if (closing) {
      return;
    }
    Transport.Receiver r = receiver;
    if (r == null) {
      early.add(message);
    } else {
      lane.execute(() -> r.onMessage(message));
    }
  }

  /** Runs {@code task} on the delivery thread after what is queued; ignored once closing. */
  public synchronized void execute(Runnable task) {
    if (!closing) {
      lane.execute(task);
    }
  }

  /** Delivers {@code onClose(cause)} once, after the messages already queued. */
  public synchronized void close(Throwable cause) {
    if (closing) {
      return;
    }
    closing = true;
    closeCause = cause;
    early.clear();
    if (receiver != null) {
      finish();
    }
  }

  private void finish() {
    Transport.Receiver r = receiver;
    Throwable cause = closeCause;
    lane.execute(() -> {
      try {
        r.onClose(cause);
      } finally {
        lane.shutdown();
      }
    });
  }

  public synchronized boolean isClosing() {
    return closing;
  }
}
