package dev.weft.transport.websocket;

import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** An embedded Jetty 12 on loopback serving Jakarta WebSocket endpoints, for tests. */
public final class JettyServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;

  private JettyServer(int port, ServerEndpointConfig... endpoints) throws Exception {
    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    server.setHandler(context);
    JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
      for (ServerEndpointConfig e : endpoints) {
        container.addEndpoint(e);
      }
    });
    server.start();
  }

  /** Starts on a free port. */
  public static JettyServer start(ServerEndpointConfig... endpoints) throws Exception {
    return new JettyServer(0, endpoints);
  }

  /** Starts on {@code port} (to restart a server where clients expect it). */
  public static JettyServer start(int port, ServerEndpointConfig... endpoints) throws Exception {
    return new JettyServer(port, endpoints);
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** {@code ws://127.0.0.1:port} followed by {@code path}. */
  public URI uri(String path) {
    return URI.create("ws://127.0.0.1:" + port() + path);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop Jetty", e);
    }
  }
}
