package dev.weft.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.encoding.Json;
import dev.weft.text.YText;
import dev.weft.transport.server.Access;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.websocket.server.SyncEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real y-websocket 3.1 clients (Node, {@code interop/websocket/clients.mjs}) against the Java
 * endpoint and hub: four clients edit one Y.Text concurrently, two leave, edit offline and rejoin;
 * every client, a late observer and the server's document must end with the same text, and a
 * client with a wrong token must be refused permanently.
 */
class YWebsocketInteropTest {
  private static final Path INTEROP = Path.of("../../interop");
  private static final Path SCRIPT = INTEROP.resolve("websocket/clients.mjs");
  private static final int CLIENTS = 4;

  @Test
  void yWebsocketClients_convergeWithTheServer() throws Exception {
    assumeTrue(nodeAvailable(), "node is not on the PATH: skipping the y-websocket interop test");
    assumeTrue(Files.isDirectory(INTEROP.resolve("node_modules/y-websocket")),
        "interop/node_modules lacks y-websocket: run `npm ci` in interop (or build without -Dweft.skipNpm)");

    SyncHub hub = SyncHub.builder()
        .authorizer((doc, token) -> "interop-token".equals(token) ? Access.READ_WRITE : Access.DENY)
        .build();
    try (JettyServer jetty = JettyServer.start(SyncEndpoint.config("/sync", hub))) {
      Process node = new ProcessBuilder("node", SCRIPT.toString(),
          "--url", jetty.uri("/sync").toString(), "--room", "shared", "--clients", String.valueOf(CLIENTS),
          "--token", "interop-token", "--timeout", "30000")
          .redirectErrorStream(false)
          .start();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(node.getErrorStream()));
      String out = read(node.getInputStream());
      assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
      assertEquals(0, node.exitValue(), "node failed:\n" + err.get() + out);
      System.err.print(err.get());

      @SuppressWarnings("unchecked")
      Map<String, Object> report = (Map<String, Object>) Json.parse(out.strip());
      @SuppressWarnings("unchecked")
      List<Object> texts = (List<Object>) report.get("texts");
      assertEquals(CLIENTS, texts.size());
      String expected = (String) texts.get(0);
      assertFalse(expected.isEmpty());
      for (Object t : texts) {
        assertEquals(expected, t, "every y-websocket client ends with the same text");
      }
      assertEquals(expected, report.get("observer"), "a late joiner gets everything from the server");
      assertEquals(expected, serverText(hub, "shared"), "the server's document converged too");

      @SuppressWarnings("unchecked")
      Map<String, Object> denied = (Map<String, Object>) report.get("denied");
      assertEquals(CloseCodes.PERMISSION_DENIED, ((Number) denied.get("code")).intValue());
      assertEquals(Boolean.TRUE, denied.get("closed"), "y-websocket 3.1 gives up on a 44xx close");
    } finally {
      hub.close();
    }
  }

  private static String serverText(SyncHub hub, String room) throws IOException {
    Doc copy = new Doc(7);
    copy.applyUpdate(hub.encodeStateAsUpdate(room));
    return copy.get("t", YText.class).toString();
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      read(p.getInputStream());
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
