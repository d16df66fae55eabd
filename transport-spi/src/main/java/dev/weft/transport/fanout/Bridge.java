package dev.weft.transport.fanout;

import dev.weft.transport.Transport;
import dev.weft.transport.server.SyncHub;
import java.io.IOException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a {@link SyncHub} joined to one document on the bus: the hub sees the bus as one more
 * peer, so its clients' edits are published and other nodes' edits reach its clients. When the
 * connection ends (a slow-peer drop, an archive failure, the bus unreachable for longer than the
 * adapter's timeout) the bridge joins again after {@value #REJOIN_MILLIS} ms, and the handshake of
 * the new connection repairs whatever either side missed.
 */
public final class Bridge implements AutoCloseable {
  static final long REJOIN_MILLIS = 200;

  /** Opens a transport to the bus; may fail while the bus is down. */
  public interface Opener {
    Transport open() throws IOException;
  }

  private final SyncHub hub;
  private final String document;
  private final Object credentials;
  private final Opener opener;
  private final ScheduledExecutorService scheduler;
  private Transport current;
  private int joins;
  private boolean closed;

  /** Joins {@code hub} to {@code document} on the bus now, and again whenever the connection ends. */
  public Bridge(SyncHub hub, String document, Object credentials, Opener opener, ScheduledExecutorService scheduler) {
    this.hub = hub;
    this.document = document;
    this.credentials = credentials;
    this.opener = opener;
    this.scheduler = scheduler;
    join();
  }

  private void join() {
    Transport t;
    synchronized (this) {
      if (closed) {
        return;
      }
      try {
        t = new Watched(opener.open());
      } catch (IOException | RuntimeException e) {
        rejoinLater();
        return;
      }
      current = t;
      joins++;
    }
    try {
      hub.join(document, t, credentials);
    } catch (RuntimeException e) {
      t.close(); // the hub failed to load the document, or is closed; try again later
    }
  }

  private synchronized void ended(Transport t) {
    if (current == t) {
      current = null;
      rejoinLater();
    }
  }

  private void rejoinLater() {
    if (!closed && !scheduler.isShutdown()) {
      scheduler.schedule(this::join, REJOIN_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** How many times the hub has joined the bus (1 + rejoins). */
  public synchronized int joins() {
    return joins;
  }

  /** Leaves the bus for good. */
  @Override
  public void close() {
    Transport t;
    synchronized (this) {
      closed = true;
      t = current;
      current = null;
    }
    if (t != null) {
      t.close();
    }
  }

  /** Tells the bridge when its transport ends. */
  private final class Watched implements Transport {
    private final Transport delegate;

    Watched(Transport delegate) {
      this.delegate = delegate;
    }

    @Override
    public void start(Receiver receiver) {
      delegate.start(new Receiver() {
        @Override
        public void onMessage(byte[] message) {
          receiver.onMessage(message);
        }

        @Override
        public void onClose(Throwable cause) {
          try {
            receiver.onClose(cause);
          } finally {
            ended(Watched.this);
          }
        }
      });
    }

    @Override
    public CompletionStage<Void> send(byte[] message) {
      return delegate.send(message);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
