package dev.weft.transport.websocket.internal;

import dev.weft.transport.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The {@link Transport} contract on top of a WebSocket, for both the JDK client and a Jakarta
 * server session. A WebSocket API gives callbacks on its own threads, at most one outstanding
 * send, and a close handshake; a {@code Transport} promises ordered delivery that never happens
 * inside {@code send}, messages kept until {@code start}, exactly one {@code onClose} with no
 * message after it, and failed sends once closed. This class bridges the two.
 *
 * <ul>
 *   <li><b>Inbound.</b> {@link #received} queues a whole message; a per-connection {@link Lane}
 *       hands it to the receiver once started. Its {@code then} runs when the message has left the
 *       queue, so a client can request the next frame only then (flow control), and a connection
 *       that is not started yet stops reading after one message.
 *   <li><b>Outbound.</b> {@link #send} queues; one message at a time goes to {@link
 *       Socket#sendBinary}, and each send's stage completes when the socket accepted the bytes,
 *       which is the backpressure signal sessions count on.
 *   <li><b>Close.</b> A local {@link #close} fails what is queued, sends the close frame after the
 *       message in flight, drops undelivered messages and reports {@code onClose} at once. When
 *       the network ends the connection ({@link #ended}), messages that arrived before the close
 *       are still delivered, then {@code onClose}.
 * </ul>
 *
 * No socket call and no completion runs while this object's monitor is held: callers hold
 * document locks when they send, and completions take those locks.
 */
public final class Pipe {
  /** The WebSocket underneath. */
  public interface Socket {
    /** Sends one whole binary message; called with at most one send incomplete. */
    CompletionStage<?> sendBinary(ByteBuffer message);

    /** Starts the close handshake; called at most once, never with a send incomplete. */
    void sendClose(int code, String reason);
  }

  private record Outgoing(byte[] message, CompletableFuture<Void> done) {}

  private record Incoming(byte[] message, Runnable then) {}

  private record CloseFrame(int code, String reason) {}

  private final Socket socket;
  private final Executor executor;
  private final Lane lane;
  private final ArrayDeque<Outgoing> outgoing = new ArrayDeque<>();
  private final ArrayDeque<Incoming> incoming = new ArrayDeque<>();
  private Transport.Receiver receiver;
  private boolean sending;
  /** No more sends: closed here, or the connection ended. */
  private boolean closed;
  /** {@code onClose} is due; {@link #endCause} says why. */
  private boolean ended;
  private Throwable endCause;
  /** Closed here: messages not yet delivered are dropped. */
  private boolean dropIncoming;
  private boolean closeDelivered;
  /** The close frame to send once the message in flight is done. */
  private CloseFrame pendingClose;

  public Pipe(Socket socket, Executor executor) {
    this.socket = Objects.requireNonNull(socket, "socket");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.lane = new Lane(executor);
  }

  /** {@link Transport#start}. */
  public void start(Transport.Receiver r) {
    Objects.requireNonNull(r, "receiver");
    synchronized (this) {
      if (receiver != null) {
        throw new IllegalStateException("already started");
      }
      receiver = r;
    }
    lane.execute(this::drain);
  }

  /** A whole message arrived; {@code then} runs once it has been delivered or dropped. */
  public void received(byte[] message, Runnable then) {
    synchronized (this) {
      incoming.add(new Incoming(message, then));
    }
    lane.execute(this::drain);
  }

  /** {@link Transport#send}. */
  public CompletionStage<Void> send(byte[] message) {
    Objects.requireNonNull(message, "message");
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(closedCause());
      }
      outgoing.add(new Outgoing(message, done));
    }
    pump();
    return done;
  }

  /** Whether the pipe is closed for sending (either side ended it). */
  public synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Closes from this side with a close frame of {@code code}; the receiver hears {@code
   * onClose(cause)}. Returns false if the pipe had already ended (then nothing happens).
   */
  public boolean close(int code, String reason, Throwable cause) {
    List<Outgoing> failed;
    CloseFrame frame = new CloseFrame(code, reason);
    synchronized (this) {
      if (ended) {
        return false;
      }
      closed = true;
      ended = true;
      endCause = cause;
      dropIncoming = true;
      failed = takeOutgoing();
      if (sending) {
        pendingClose = frame;
        frame = null;
      }
    }
    fail(failed, cause);
    if (frame != null) {
      sendClose(frame);
    }
    lane.execute(this::drain);
    return true;
  }

  /** The connection is over (the peer closed it, or it failed); {@code cause} null if orderly. */
  public void ended(Throwable cause) {
    List<Outgoing> failed;
    synchronized (this) {
      closed = true;
      pendingClose = null;
      failed = takeOutgoing();
      if (!ended) {
        ended = true;
        endCause = cause;
      }
    }
    fail(failed, cause);
    lane.execute(this::drain);
  }

  private List<Outgoing> takeOutgoing() {
    List<Outgoing> taken = new ArrayList<>(outgoing);
    outgoing.clear();
    return taken;
  }

  /**
   * Why sends fail once closed: the peer's reason when it ended the connection (a close code), so
   * that a session dropping on a failed send reports the same cause as {@code onClose}.
   */
  private synchronized Throwable closedCause() {
    return ended && endCause != null ? endCause : new IOException("transport closed");
  }

  private static void fail(List<Outgoing> failed, Throwable cause) {
    for (Outgoing o : failed) {
      o.done.completeExceptionally(cause != null ? cause : new IOException("transport closed"));
    }
  }

  private void sendClose(CloseFrame frame) {
    executor.execute(() -> socket.sendClose(frame.code, frame.reason));
  }

  private void pump() {
    Outgoing next;
    synchronized (this) {
      if (sending || closed || outgoing.isEmpty()) {
        return;
      }
      sending = true;
      next = outgoing.poll();
    }
    CompletionStage<?> sent;
    try {
      sent = socket.sendBinary(ByteBuffer.wrap(next.message));
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    // async: a socket that completes inline must not recurse through pump() per queued message
    sent.whenCompleteAsync((ok, err) -> sent(next, err), executor);
  }

  private void sent(Outgoing o, Throwable err) {
    CloseFrame frame;
    Throwable failure;
    synchronized (this) {
      sending = false;
      frame = pendingClose;
      pendingClose = null;
      failure = err != null && ended && endCause != null ? endCause : err;
    }
    if (failure == null) {
      o.done.complete(null);
    } else {
      o.done.completeExceptionally(failure);
    }
    if (frame != null) {
      sendClose(frame);
    } else {
      pump();
    }
  }

  /** Runs on the lane only: delivers queued messages in order, then the close when it is due. */
  private void drain() {
    while (true) {
      Incoming next;
      Transport.Receiver to;
      Throwable cause;
      synchronized (this) {
        if (receiver == null) {
          return; // kept until start
        }
        next = incoming.poll();
        cause = endCause;
        if (next != null) {
          to = closeDelivered || dropIncoming ? null : receiver;
        } else if (ended && !closeDelivered) {
          closeDelivered = true;
          to = receiver;
        } else {
          return;
        }
      }
      if (next == null) {
        to.onClose(cause);
        continue;
      }
      try {
        if (to != null) {
          to.onMessage(next.message);
        }
      } finally {
        next.then.run();
      }
    }
  }
}
