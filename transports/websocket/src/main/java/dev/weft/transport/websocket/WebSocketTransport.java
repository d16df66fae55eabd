package dev.weft.transport.websocket;

import dev.weft.transport.Ticker;
import dev.weft.transport.Transport;
import dev.weft.transport.websocket.internal.Liveness;
import dev.weft.transport.websocket.internal.Pipe;
import dev.weft.transport.websocket.internal.Threads;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client {@link Transport} over the JDK's {@link java.net.http.WebSocket}: one binary message
 * per protocol message, as y-websocket frames them, so it talks to a Weft {@code SyncEndpoint} or
 * to any y-websocket server ({@code @y/websocket-server}, Hocuspocus in y-websocket mode…).
 *
 * <pre>{@code
 * Transport t = Transports.connect(URI.create("ws://localhost:8080/sync/notes?token=s3cret"));
 * Transport u = WebSocketTransport.builder(URI.create("wss://example.com/sync/notes"))
 *     .header("Authorization", "Bearer s3cret")
 *     .connect();
 * }</pre>
 *
 * <p>The document is the last path segment, as y-websocket's {@code serverUrl + '/' + room}. A
 * transport is one connection: after it closes, open a new one and {@code attach} it to the same
 * {@code SyncSession}, which resyncs. When the server closes with a code other than 1000, the
 * receiver's {@code onClose} gets a {@link WebSocketCloseException}; do not reconnect when it
 * {@linkplain WebSocketCloseException#isPermanent() is permanent} (access denied).
 *
 * <p>Pings go out every {@link Builder#pingInterval ping interval} (30 s); if nothing at all
 * arrived across one interval the connection is closed and {@code onClose} gets a {@link
 * TimeoutException}. Incoming messages are read one at a time as the receiver takes them.
 */
public final class WebSocketTransport implements Transport {
  private static final long CLOSE_HANDSHAKE_MILLIS = 5_000;

  private final URI uri;
  private final int maxMessageBytes;
  private final Pipe pipe;
  private final Liveness liveness;
  private volatile WebSocket socket;
  private volatile ScheduledFuture<?> timer;

  private WebSocketTransport(Builder b) {
    this.uri = b.uri;
    this.maxMessageBytes = b.maxMessageBytes;
    this.pipe = new Pipe(new Pipe.Socket() {
      @Override
      public CompletionStage<?> sendBinary(ByteBuffer message) {
        return socket.sendBinary(message, true).thenRun(liveness::sent);
      }

      @Override
      public void sendClose(int code, String reason) {
        closeSocket(code, reason);
      }
    }, Threads.executor());
    this.liveness = new Liveness(Ticker.system(), 0, b.pingInterval.toMillis(), new Liveness.Actions() {
      @Override
      public void keepAlive() {}

      @Override
      public void ping() {
        socket.sendPing(ByteBuffer.allocate(0)).thenRun(liveness::sent);
      }

      @Override
      public void dead(long silentMillis) {
        pipe.close(CloseCodes.GOING_AWAY, "no response",
            new TimeoutException("nothing received from " + uri + " for " + silentMillis + " ms"));
      }
    });
  }

  /** Connects to {@code uri} ({@code ws://} or {@code wss://}) with default options. */
  public static WebSocketTransport connect(URI uri) throws IOException {
    return builder(uri).connect();
  }

  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  /** The address connected to. */
  public URI uri() {
    return uri;
  }

  @Override
  public void start(Receiver receiver) {
    pipe.start(receiver);
  }

  @Override
  public CompletionStage<Void> send(byte[] message) {
    return pipe.send(message);
  }

  /** Closes with code 1000; the receiver hears {@code onClose(null)}. Idempotent. */
  @Override
  public void close() {
    pipe.close(CloseCodes.NORMAL, "", null);
  }

  private void closeSocket(int code, String reason) {
    stopTimer();
    WebSocket ws = socket;
    try {
      ws.sendClose(code, reason);
    } catch (RuntimeException e) {
      ws.abort();
      return;
    }
    // the server answers a close frame; if it does not, stop waiting
    Threads.scheduler().schedule(ws::abort, CLOSE_HANDSHAKE_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void stopTimer() {
    liveness.stop();
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
  }

  private void open(Builder b) throws IOException {
    HttpClient client = b.client != null ? b.client : SharedClient.INSTANCE;
    WebSocket.Builder wb = client.newWebSocketBuilder().connectTimeout(b.connectTimeout);
    b.headers.forEach(wb::header);
    CompletableFuture<WebSocket> opening = wb.buildAsync(uri, new Listener());
    try {
      socket = opening.get(b.connectTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      opening.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while connecting to " + uri);
    } catch (TimeoutException e) {
      opening.cancel(true);
      throw new HttpTimeoutException("timed out connecting to " + uri);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException("cannot connect to " + uri, cause);
    }
    timer = liveness.schedule(Threads.scheduler());
  }

  /** Receives frames on the HttpClient's threads and feeds whole messages to the pipe. */
  private final class Listener implements WebSocket.Listener {
    private byte[] partial = new byte[0];
    private int length;

    @Override
    public void onOpen(WebSocket ws) {
      socket = ws;
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      liveness.received();
      int n = data.remaining();
      if ((long) length + n > maxMessageBytes) {
        pipe.close(CloseCodes.TOO_BIG, "message too big",
            new IOException("message larger than maxMessageBytes=" + maxMessageBytes));
        return null;
      }
      if (length + n > partial.length) {
        partial = Arrays.copyOf(partial, Math.max(length + n, Math.min(maxMessageBytes, 2 * partial.length)));
      }
      data.get(partial, length, n);
      length += n;
      if (last) {
        byte[] message = Arrays.copyOf(partial, length);
        length = 0;
        if (partial.length > 64 * 1024) {
          partial = new byte[0]; // do not keep a large buffer for a long-lived idle connection
        }
        pipe.received(message, () -> ws.request(1));
      } else {
        ws.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      pipe.close(CloseCodes.UNSUPPORTED_DATA, "binary messages only",
          new IOException("text message from " + uri + "; y-websocket speaks binary only"));
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
      liveness.received(); // the JDK answers with a pong by itself
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
      liveness.received();
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      stopTimer();
      pipe.ended(CloseCodes.isOrderly(code) ? null : new WebSocketCloseException(code, reason));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      stopTimer();
      pipe.ended(error);
    }
  }

  private static final class SharedClient {
    static final HttpClient INSTANCE = HttpClient.newBuilder().executor(Threads.executor()).build();
  }

  /** Options of a {@link WebSocketTransport}; {@link #connect()} opens it. */
  public static final class Builder {
    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpClient client;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration pingInterval = Duration.ofSeconds(30);
    private int maxMessageBytes = 64 << 20;

    private Builder(URI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
      String scheme = uri.getScheme();
      if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("not a ws:// or wss:// URI: uri=" + uri);
      }
    }

    /** Adds a header to the opening handshake, for example {@code Authorization}. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The client to connect with (proxy, TLS settings); a shared default otherwise. */
    public Builder httpClient(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** How long the opening handshake may take; 10 s by default. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** How often to ping, and how long a silent server is tolerated; 30 s by default. */
    public Builder pingInterval(Duration interval) {
      this.pingInterval = positive("pingInterval", interval);
      return this;
    }

    /** The largest message accepted (a sync step 2 is as large as the document); 64 MiB by default. */
    public Builder maxMessageBytes(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxMessageBytes must be positive: maxMessageBytes=" + max);
      }
      this.maxMessageBytes = max;
      return this;
    }

    /** Opens the connection; blocks until it is open. */
    public WebSocketTransport connect() throws IOException {
      WebSocketTransport t = new WebSocketTransport(this);
      t.open(this);
      return t;
    }

    private static Duration positive(String name, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + name + "=" + d);
      }
      return d;
    }
  }
}
