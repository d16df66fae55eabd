package dev.weft.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.transport.Transport;
import dev.weft.transport.TransportProvider;
import dev.weft.transport.Transports;
import dev.weft.transport.websocket.internal.WebSocketTransportProvider;
import dev.weft.transport.websocket.server.SyncEndpoint;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ws://} and {@code wss://} resolve through ServiceLoader, on the class and module path. */
class TransportsLookupTest {
  @Test
  void provider_isFoundForWsAndWss() {
    for (String scheme : List.of("ws", "wss", "WS")) {
      TransportProvider p = Transports.provider(scheme).orElseThrow(() -> new AssertionError("no provider for " + scheme));
      assertInstanceOf(WebSocketTransportProvider.class, p);
    }
  }

  @Test
  void moduleDescriptor_providesTheSameProvider() {
    ModuleDescriptor d = ModuleFinder.of(Path.of("target/classes")).find("dev.weft.transport.websocket")
        .orElseThrow().descriptor();
    assertTrue(d.provides().stream().anyMatch(p -> p.service().equals(TransportProvider.class.getName())
        && p.providers().equals(List.of(WebSocketTransportProvider.class.getName()))), d.provides().toString());
    assertEquals(2, d.exports().size(), "only the client and server API packages are exported");
  }

  @Test
  void connect_byUriReachesTheEndpoint() throws Exception {
    LinkedBlockingQueue<String> rooms = new LinkedBlockingQueue<>();
    try (JettyServer jetty = JettyServer.start(SyncEndpoint.builder("/x", (room, t, c) -> {
      rooms.add(room + " " + c);
      t.close();
    }).build())) {
      Transport t = Transports.connect(jetty.uri("/x/hello?token=abc"));
      assertInstanceOf(WebSocketTransport.class, t);
      assertEquals("hello abc", rooms.poll(10, TimeUnit.SECONDS));
      t.close();
    }
  }

  @Test
  void builder_rejectsOtherSchemes() {
    assertThrows(IllegalArgumentException.class, () -> WebSocketTransport.builder(URI.create("http://localhost/x")));
  }
}
