package dev.weft.transport.websocket.server;

import dev.weft.transport.Ticker;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.websocket.CloseCodes;
import dev.weft.transport.websocket.internal.Threads;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A y-websocket compatible server endpoint on the Jakarta WebSocket API: each connection to
 * {@code basePath/room} joins document {@code room} of a {@link SyncHub}.
 *
 * <pre>{@code
 * ServerContainer container = ...;  // Jetty, Tomcat, Spring Boot: see the README
 * container.addEndpoint(SyncEndpoint.builder("/sync", hub).credentials(Credentials.token("token")).build());
 * // y-websocket: new WebsocketProvider('ws://host/sync', 'notes', doc, { params: { token } })
 * }</pre>
 *
 * <h2>Connection</h2>
 * <ol>
 *   <li><b>Handshake.</b> {@link Credentials} take a token from the request (a query parameter, or
 *       an {@code Authorization: Bearer} header); nothing else is checked before the upgrade,
 *       because a browser's WebSocket cannot see an HTTP error status and y-websocket would retry
 *       a refused upgrade forever.
 *   <li><b>Open.</b> The room is the path segment after the base path (one segment: y-websocket
 *       room names must not contain {@code /}). The {@link Acceptor}, normally {@link
 *       SyncHub#join}, gets the room, the connection and the credentials; the hub's {@code
 *       Authorizer} decides before the document is loaded.
 *   <li><b>Denial.</b> A denied peer gets an auth permission-denied message, then close code
 *       {@link CloseCodes#PERMISSION_DENIED} (4403), which y-websocket 3.1 treats as permanent.
 *       If the acceptor throws (the document cannot be loaded), the code is 1011 and clients retry.
 *   <li><b>Traffic.</b> One binary message per protocol message; text messages close the
 *       connection (1003). Messages up to {@link Builder#maxMessageBytes} (64 MiB) are accepted.
 *   <li><b>Liveness.</b> When nothing was sent for {@link Builder#keepAlive} (15 s), an empty
 *       awareness update goes out, because y-websocket clients reconnect after 30 s without a
 *       message; pings go out every {@link Builder#pingInterval} (30 s), and a peer that sent
 *       nothing across a whole interval is disconnected (1001). The container's idle timeout is
 *       set above both.
 * </ol>
 *
 * Awareness timeouts and idle unloading are the hub's: call {@link SyncHub#scheduleMaintenance}.
 */
public final class SyncEndpoint extends Endpoint {
  /** The path parameter holding the room: the endpoint's path is {@code basePath + "/{room}"}. */
  public static final String ROOM = "room";
  private static final String CREDENTIALS = SyncEndpoint.class.getName() + ".credentials";

  /** What every connection of one endpoint shares. */
  record Settings(Acceptor acceptor, Credentials credentials, long keepAliveMillis, long pingMillis,
      int maxMessageBytes, ScheduledExecutorService scheduler, Ticker ticker) {}

  /** Credentials as stored in the per-connection user properties (whose map may refuse null). */
  private record Taken(Object credentials) {}

  private final Settings settings;
  private ServerTransport transport;

  private SyncEndpoint(Settings settings) {
    this.settings = settings;
  }

  /** The endpoint at {@code basePath/{room}} joining rooms of {@code hub}, with default options. */
  public static ServerEndpointConfig config(String basePath, SyncHub hub) {
    return builder(basePath, hub).build();
  }

  public static Builder builder(String basePath, SyncHub hub) {
    return new Builder(basePath, Acceptor.hub(Objects.requireNonNull(hub, "hub")));
  }

  /** An endpoint handing connections to {@code acceptor} instead of a hub. */
  public static Builder builder(String basePath, Acceptor acceptor) {
    return new Builder(basePath, acceptor);
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    ServerTransport t = new ServerTransport(session, settings);
    transport = t;
    session.setMaxBinaryMessageBufferSize(settings.maxMessageBytes());
    session.setMaxIdleTimeout(2 * settings.pingMillis() + settings.keepAliveMillis());
    session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) t::received);
    session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> t.pong());
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> t.fail(
        CloseCodes.UNSUPPORTED_DATA, "binary messages only", new IOException("text message; y-websocket speaks binary")));
    t.startTimer(settings);
    String room = session.getPathParameters().get(ROOM);
    Object taken = config.getUserProperties().get(CREDENTIALS);
    Object credentials = taken instanceof Taken c ? c.credentials() : null;
    try {
      settings.acceptor().accept(room, t, credentials);
    } catch (RuntimeException e) {
      t.fail(CloseCodes.SERVER_ERROR, "server error", e);
    }
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    if (transport != null) {
      transport.closed(reason);
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    if (transport != null) {
      transport.failed(error);
    }
  }

  /** Creates one endpoint per connection and records each handshake's credentials. */
  private static final class Configurator extends ServerEndpointConfig.Configurator {
    private final Settings settings;

    Configurator(Settings settings) {
      this.settings = settings;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
      // containers pass a per-connection copy of the config, so these properties are this peer's
      sec.getUserProperties().put(CREDENTIALS, new Taken(settings.credentials().from(request)));
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
      return endpointClass.cast(new SyncEndpoint(settings));
    }
  }

  /** Options of a {@link SyncEndpoint}; {@link #build()} gives the config to deploy. */
  public static final class Builder {
    private final String basePath;
    private final Acceptor acceptor;
    private Credentials credentials = Credentials.token("token");
    private Duration keepAlive = Duration.ofSeconds(15);
    private Duration pingInterval = Duration.ofSeconds(30);
    private int maxMessageBytes = 64 << 20;
    private ScheduledExecutorService scheduler;
    private Ticker ticker = Ticker.system();

    private Builder(String basePath, Acceptor acceptor) {
      Objects.requireNonNull(basePath, "basePath");
      if (!basePath.startsWith("/")) {
        throw new IllegalArgumentException("basePath must start with '/': basePath=" + basePath);
      }
      this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
      this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
    }

    /** Where credentials come from; {@code Credentials.token("token")} by default. */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Send an empty awareness update after this long without sending; 15 s by default. */
    public Builder keepAlive(Duration keepAlive) {
      this.keepAlive = positive("keepAlive", keepAlive);
      return this;
    }

    /** Ping this often; drop a peer silent for a whole interval. 30 s by default. */
    public Builder pingInterval(Duration pingInterval) {
      this.pingInterval = positive("pingInterval", pingInterval);
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

    /** Runs the liveness timers; a shared daemon thread by default. */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Time for the liveness timers. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** The endpoint's configuration, for {@code ServerContainer.addEndpoint}. */
    public ServerEndpointConfig build() {
      Settings s = new Settings(acceptor, credentials, keepAlive.toMillis(), pingInterval.toMillis(), maxMessageBytes,
          scheduler != null ? scheduler : Threads.scheduler(), ticker);
      return ServerEndpointConfig.Builder.create(SyncEndpoint.class, basePath + "/{" + ROOM + "}")
          .configurator(new Configurator(s))
          .build();
    }

    private static Duration positive(String name, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + name + "=" + d);
      }
      return d;
    }
  }
}
