package dev.weft.transport.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A bare JDK WebSocket that records what the server sends: frames as they are, no Weft logic. */
public final class RawClient implements WebSocket.Listener {
  public final List<byte[]> binaries = new CopyOnWriteArrayList<>();
  public final AtomicInteger pings = new AtomicInteger();
  public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  public final WebSocket socket;

  public RawClient(URI uri) throws Exception {
    socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, this).get(10, TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
    byte[] b = new byte[data.remaining()];
    data.get(b);
    binaries.add(b); // test messages are small: one frame each
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
    pings.incrementAndGet();
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
    closeCode.complete(code);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    closeCode.completeExceptionally(error);
  }
}
