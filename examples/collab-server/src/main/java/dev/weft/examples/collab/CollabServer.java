package dev.weft.examples.collab;

import dev.weft.crdt.Doc;
import dev.weft.text.YText;
import dev.weft.transport.server.Access;
import dev.weft.transport.server.Authorizer;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.store.FileDocumentStore;
import dev.weft.transport.websocket.server.Acceptor;
import dev.weft.transport.websocket.server.SyncEndpoint;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The collaborative editor's server: embedded Jetty 12 serving the editor pages, the token and
 * document API, and a {@link SyncEndpoint} at {@code /sync/{document}} in front of a {@link
 * SyncHub} whose documents live in a {@link FileDocumentStore}.
 *
 * <ul>
 *   <li><b>Authentication.</b> The page asks {@code /api/token} for a short-lived signed token
 *       ({@link Tokens}) and passes it on the WebSocket handshake; the hub's {@link Authorizer}
 *       ({@link TokenAuthorizer}) checks the signature, the expiry and the document, and grants
 *       read-write or read-only access. A read-only peer's updates are dropped by the hub,
 *       whatever its page does.
 *   <li><b>Several nodes.</b> With a Redis or Kafka bus ({@link Fanout}) every document opened on
 *       this node is also joined to the bus, so pages on different nodes edit one document.
 *   <li><b>Durability.</b> Every update is fsynced to {@code data/NAME.log} before it is
 *       forwarded; a restart loads the logs, and pages resync by state vector when they reconnect.
 * </ul>
 */
public final class CollabServer implements AutoCloseable {
  /** The name of the shared text in each document, as the page binds it to the editor. */
  public static final String TEXT = "text";
  /** The credentials this node's bridges join the hub with. */
  private static final Object NODE = new Object();
  private static final Duration SHARE_TTL = Duration.ofDays(30);

  private final Options options;
  private final FileDocumentStore store;
  private final SyncHub hub;
  private final Tokens tokens;
  private final Fanout fanout;
  private final ScheduledExecutorService scheduler;
  private final Server jetty;
  private final ServerConnector connector;

  private CollabServer(Options o) throws Exception {
    this.options = o;
    this.tokens = new Tokens(o.secret() != null ? o.secret() : Tokens.randomSecret(), o.tokenTtl(), SHARE_TTL,
        Clock.systemUTC());
    this.store = new FileDocumentStore(o.data());
    Authorizer authorizer = new TokenAuthorizer(tokens, NODE);
    this.hub = SyncHub.builder().store(store).authorizer(authorizer).build();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "collab-maintenance");
      t.setDaemon(true);
      return t;
    });
    hub.scheduleMaintenance(scheduler);
    try {
      this.fanout = Fanout.of(o, hub, NODE);
    } catch (RuntimeException e) {
      hub.close();
      store.close();
      scheduler.shutdownNow();
      throw new IllegalStateException("cannot reach the " + (o.redis() != null ? "Redis at " + o.redis()
          : "Kafka at " + o.kafka()) + ": " + e.getMessage(), e);
    }
    Acceptor acceptor = (room, transport, credentials) -> {
      if (authorizer.authorize(room, credentials) != Access.DENY) {
        fanout.share(room);
      }
      hub.join(room, transport, credentials);
    };

    jetty = new Server();
    connector = new ServerConnector(jetty);
    connector.setHost(o.host());
    connector.setPort(o.port());
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new PagesServlet(this)), "/");
    context.addServlet(new ServletHolder(new ApiServlet(this)), "/api/*");
    context.addServlet(new ServletHolder(new AssetsServlet()), "/assets/*");
    JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) ->
        container.addEndpoint(SyncEndpoint.builder("/sync", acceptor).build()));
    jetty.setHandler(context);
    jetty.setStopAtShutdown(false);
  }

  /** Starts a server with {@code options}; close it to stop. */
  public static CollabServer start(Options options) throws Exception {
    CollabServer s = new CollabServer(options);
    try {
      s.jetty.start();
    } catch (Exception e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** The port the server listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://host:port/}, with localhost for a wildcard or loopback address. */
  public URI uri() {
    String h = options.host();
    boolean local = h == null || h.equals("0.0.0.0") || h.equals("::") || h.startsWith("127.") || h.equals("localhost");
    return URI.create("http://" + (local ? "localhost" : h) + ":" + port() + "/");
  }

  public SyncHub hub() {
    return hub;
  }

  public Tokens tokens() {
    return tokens;
  }

  Options options() {
    return options;
  }

  /** Documents on disk or in memory. */
  public Set<String> documents() throws IOException {
    return DocumentNames.known(options.data(), hub);
  }

  /** The text of {@code document} as the server holds it, or null if there is no such document. */
  public String text(String document) throws IOException {
    if (!DocumentNames.isValid(document) || !documents().contains(document)) {
      return null;
    }
    Doc doc = new Doc();
    doc.applyUpdate(hub.encodeStateAsUpdate(document));
    return YText.of(doc, TEXT).toString();
  }

  /** Stops serving, disconnects every page, and closes the bus and the store. */
  @Override
  public void close() throws IOException {
    Exception first = null;
    for (Step step : new Step[] {jetty::stop, fanout::close, hub::close, store::close, scheduler::shutdownNow}) {
      try {
        step.run();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        first = first == null ? e : first;
      }
    }
    if (first instanceof IOException io) {
      throw io;
    }
    if (first != null) {
      throw new IOException("the server did not stop cleanly", first);
    }
  }

  /** One step of {@link #close()}. */
  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }
}
