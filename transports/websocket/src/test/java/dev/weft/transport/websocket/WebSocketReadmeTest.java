package dev.weft.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import dev.weft.transport.SyncSession;
import dev.weft.transport.Transport;
import dev.weft.transport.Transports;
import dev.weft.transport.server.Access;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.websocket.server.SyncEndpoint;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/**
 * Runs the "WebSocket" example of the README against embedded Jetty, and checks that the README
 * shows exactly the code between the region markers below.
 */
class WebSocketReadmeTest {
  @Test
  void example_connectsBothWaysAndSyncs() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    int port = 0;
    // region readme
    // server: a hub behind a Jakarta WebSocket endpoint at /sync/{room}, here in embedded Jetty 12
    SyncHub hub = SyncHub.builder()
        .authorizer((room, token) -> "s3cret".equals(token) ? Access.READ_WRITE : Access.DENY)
        .build();
    hub.scheduleMaintenance(scheduler);       // awareness timeouts, idle unloading
    Server jetty = new Server(port);
    ServletContextHandler context = new ServletContextHandler("/");
    jetty.setHandler(context);
    JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) ->
        container.addEndpoint(SyncEndpoint.config("/sync", hub)));  // token: ?token=… or Authorization: Bearer …
    jetty.start();
    // endregion
    port = jetty.getURI().getPort();
    try {
      Doc doc = new Doc();
      SyncSession session = SyncSession.builder(doc).build();
      // region readme
      // client: by URI (ServiceLoader finds the ws:// adapter), or built directly
      Transport byUri = Transports.connect(URI.create("ws://localhost:" + port + "/sync/notes?token=s3cret"));
      Transport direct = WebSocketTransport.builder(URI.create("ws://localhost:" + port + "/sync/notes"))
          .header("Authorization", "Bearer s3cret")
          .connect();
      session.attach(byUri);
      // endregion
      synchronized (doc) {
        doc.getMap("settings").set("theme", "dark");
      }
      Await.until("the hub to have both peers and the edit", () -> hub.peerCount("notes") == 2 && theme(hub).equals("dark"));
      direct.close();
      session.close();
    } finally {
      jetty.stop();
      hub.close();
      scheduler.shutdownNow();
    }
  }

  private static Object theme(SyncHub hub) {
    try {
      Doc copy = new Doc(5);
      copy.applyUpdate(hub.encodeStateAsUpdate("notes"));
      return String.valueOf(copy.getMap("settings").get("theme"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void readme_showsTheExample() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/weft/transport/websocket/WebSocketReadmeTest.java"));
    StringBuilder regions = new StringBuilder();
    boolean in = false;
    for (String line : lines) {
      String l = line.strip();
      if (l.equals("// region readme")) {
        in = true;
      } else if (l.equals("// endregion")) {
        in = false;
      } else if (in && !l.isEmpty()) {
        regions.append(l).append('\n');
      }
    }
    String readme = Files.readString(Path.of("../../README.md"));
    String section = readme.substring(readme.indexOf("## WebSocket"));
    int start = section.indexOf("```java") + 7;
    String code = section.substring(start, section.indexOf("```", start));
    String shown = code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n", "", "\n"));
    assertEquals(regions.toString(), shown);
  }
}
