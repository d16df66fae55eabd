package dev.weft.transport.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.transport.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The pipe over a scripted socket, on the calling thread: send window, close order, buffering. */
class PipeTest {
  /** Records calls; each send completes only when the test says so. */
  private static final class ScriptedSocket implements Pipe.Socket {
    final List<String> calls = new ArrayList<>();
    final List<CompletableFuture<Void>> sends = new ArrayList<>();

    @Override
    public CompletionStage<?> sendBinary(ByteBuffer message) {
      calls.add("send " + message.get(0));
      CompletableFuture<Void> f = new CompletableFuture<>();
      sends.add(f);
      return f;
    }

    @Override
    public void sendClose(int code, String reason) {
      calls.add("close " + code);
    }
  }

  private static final class Recorder implements Transport.Receiver {
    final List<String> events = new ArrayList<>();
    Throwable cause;

    @Override
    public void onMessage(byte[] message) {
      events.add("message " + message[0]);
    }

    @Override
    public void onClose(Throwable cause) {
      this.cause = cause;
      events.add("close");
    }
  }

  private final ScriptedSocket socket = new ScriptedSocket();
  private final Pipe pipe = new Pipe(socket, Runnable::run);

  @Test
  void send_keepsOneMessageInFlight() {
    pipe.send(new byte[] {1});
    pipe.send(new byte[] {2});
    var third = pipe.send(new byte[] {3}).toCompletableFuture();
    assertEquals(List.of("send 1"), socket.calls);
    socket.sends.get(0).complete(null);
    assertEquals(List.of("send 1", "send 2"), socket.calls);
    socket.sends.get(1).complete(null);
    assertFalse(third.isDone(), "completes when the socket accepted it, not before");
    socket.sends.get(2).complete(null);
    assertTrue(third.isDone());
  }

  @Test
  void close_failsQueuedSendsAndSendsTheCloseFrameAfterTheOneInFlight() {
    Recorder r = new Recorder();
    pipe.start(r);
    var first = pipe.send(new byte[] {1}).toCompletableFuture();
    var queued = pipe.send(new byte[] {2}).toCompletableFuture();
    pipe.close(1000, "", null);
    assertTrue(queued.isCompletedExceptionally());
    assertEquals(List.of("send 1"), socket.calls, "no close frame while a send is incomplete");
    assertEquals(List.of("close"), r.events);
    socket.sends.get(0).complete(null);
    assertEquals(List.of("send 1", "close 1000"), socket.calls);
    assertTrue(first.isDone() && !first.isCompletedExceptionally());
    assertTrue(pipe.send(new byte[] {3}).toCompletableFuture().isCompletedExceptionally());
    pipe.close(1000, "", null);
    pipe.ended(null);
    assertEquals(List.of("close"), r.events, "one close, whoever reports it");
  }

  @Test
  void messagesBeforeStart_areKeptAndTheNextIsRequestedOnlyAfterDelivery() {
    List<String> requested = new ArrayList<>();
    pipe.received(new byte[] {1}, () -> requested.add("after 1"));
    pipe.received(new byte[] {2}, () -> requested.add("after 2"));
    assertTrue(requested.isEmpty(), "nothing is taken before start");
    Recorder r = new Recorder();
    pipe.start(r);
    assertEquals(List.of("message 1", "message 2"), r.events);
    assertEquals(List.of("after 1", "after 2"), requested);
  }

  @Test
  void remoteEnd_deliversWhatArrivedFirstAndFailsSendsWithTheCloseCause() throws Exception {
    IOException denied = new IOException("closed with 4403");
    pipe.received(new byte[] {7}, () -> {});
    pipe.ended(denied);
    var late = pipe.send(new byte[] {1}).toCompletableFuture();
    Recorder r = new Recorder();
    pipe.start(r);
    assertEquals(List.of("message 7", "close"), r.events);
    assertSame(denied, r.cause);
    ExecutionException e = assertThrows(ExecutionException.class, late::get);
    assertSame(denied, e.getCause());
    assertTrue(socket.calls.isEmpty(), "the peer closed: no close frame from here");
  }

  @Test
  void localClose_dropsUndeliveredMessages() {
    Recorder r = new Recorder();
    pipe.received(new byte[] {1}, () -> {});
    pipe.close(4403, "permission denied", null);
    pipe.start(r);
    assertEquals(List.of("close"), r.events);
    assertEquals(List.of("close 4403"), socket.calls);
  }
}
