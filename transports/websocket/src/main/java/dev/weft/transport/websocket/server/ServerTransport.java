package dev.weft.transport.websocket.server;

import dev.weft.transport.Transport;
import dev.weft.transport.protocol.AwarenessUpdate;
import dev.weft.transport.protocol.Message;
import dev.weft.transport.protocol.Wire;
import dev.weft.transport.websocket.CloseCodes;
import dev.weft.transport.websocket.WebSocketCloseException;
import dev.weft.transport.websocket.internal.Liveness;
import dev.weft.transport.websocket.internal.Pipe;
import dev.weft.transport.websocket.internal.Threads;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One accepted connection as a {@link Transport}: a Jakarta {@link Session} behind a {@link Pipe},
 * kept alive by a {@link Liveness} timer.
 *
 * <p><b>Denial.</b> The hub refuses a peer by sending an auth permission-denied message and then
 * closing. This transport notices that message going out and closes with {@link
 * CloseCodes#PERMISSION_DENIED} instead of 1000, so a y-websocket 3.1 client stops reconnecting.
 *
 * <p><b>Inbound backpressure.</b> The container hands over one message at a time; at most {@link
 * #MAX_UNDELIVERED} wait for the receiver, then the container's thread waits, which stops reading
 * from the socket. If the receiver never catches up the peer's pongs go unread too, and the
 * liveness check closes the connection.
 */
final class ServerTransport implements Transport {
  static final int MAX_UNDELIVERED = 256;
  /** An awareness update with no entries: counts as traffic for y-websocket, changes nothing. */
  static final byte[] KEEP_ALIVE = new Message.AwarenessMessage(new AwarenessUpdate(List.of())).encode();

  private final Session session;
  private final Pipe pipe;
  private final Liveness liveness;
  private final Semaphore undelivered = new Semaphore(MAX_UNDELIVERED);
  private volatile boolean denied;
  private volatile ScheduledFuture<?> timer;

  ServerTransport(Session session, SyncEndpoint.Settings settings) {
    this.session = session;
    this.pipe = new Pipe(new Pipe.Socket() {
      @Override
      public CompletionStage<?> sendBinary(ByteBuffer message) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        session.getAsyncRemote().sendBinary(message, result -> {
          if (result.isOK()) {
            liveness.sent();
            sent.complete(null);
          } else {
            sent.completeExceptionally(result.getException());
          }
        });
        return sent;
      }

      @Override
      public void sendClose(int code, String reason) {
        stopTimer();
        try {
          session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
          // the connection is gone already; the container reports the close
        }
      }
    }, Threads.executor());
    this.liveness = new Liveness(settings.ticker(), settings.keepAliveMillis(), settings.pingMillis(),
        new Liveness.Actions() {
          @Override
          public void keepAlive() {
            pipe.send(KEEP_ALIVE);
          }

          @Override
          public void ping() {
            try {
              session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            } catch (IOException e) {
              // a dead connection: the next tick declares it so
            }
          }

          @Override
          public void dead(long silentMillis) {
            pipe.close(CloseCodes.GOING_AWAY, "no pong",
                new TimeoutException("nothing received for " + silentMillis + " ms"));
          }
        });
  }

  void startTimer(SyncEndpoint.Settings settings) {
    timer = liveness.schedule(settings.scheduler());
  }

  @Override
  public void start(Receiver receiver) {
    pipe.start(receiver);
  }

  @Override
  public CompletionStage<Void> send(byte[] message) {
    if (message.length >= 2 && message[0] == Wire.MESSAGE_AUTH && message[1] == Wire.AUTH_PERMISSION_DENIED) {
      denied = true;
    }
    return pipe.send(message);
  }

  /** Closes with 1000, or with 4403 after a permission-denied message. Idempotent. */
  @Override
  public void close() {
    if (denied) {
      pipe.close(CloseCodes.PERMISSION_DENIED, "permission denied", null);
    } else {
      pipe.close(CloseCodes.NORMAL, "", null);
    }
  }

  /** Closes with {@code code}; the receiver, if any, hears {@code cause}. */
  void fail(int code, String reason, Throwable cause) {
    pipe.close(code, reason, cause);
  }

  /** A whole binary message arrived (container thread). */
  void received(byte[] message) {
    liveness.received();
    try {
      while (!undelivered.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        if (pipe.isClosed()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    pipe.received(message, undelivered::release);
  }

  void pong() {
    liveness.received();
  }

  /** The container reports the close handshake (either side started it). */
  void closed(CloseReason reason) {
    stopTimer();
    int code = reason.getCloseCode().getCode();
    pipe.ended(CloseCodes.isOrderly(code) ? null : new WebSocketCloseException(code, reason.getReasonPhrase()));
  }

  void failed(Throwable cause) {
    stopTimer();
    pipe.ended(cause);
  }

  private void stopTimer() {
    liveness.stop();
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
  }
}
