package dev.weft.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.transport.server.SyncHub;
import dev.weft.transport.store.MemoryDocumentStore;
import dev.weft.transport.testing.load.LoadReport;
import dev.weft.transport.testing.load.LoadResults;
import dev.weft.transport.testing.load.LoadRun;
import dev.weft.transport.websocket.server.SyncEndpoint;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Load over WebSocket on loopback: one embedded Jetty with a hub, and every writer a JDK
 * WebSocket client in the same JVM (eight shared {@link HttpClient}s, each with its selector thread). Run on demand:
 * {@code ./mvnw -B -Pload -pl transports/websocket -am verify -Dweft.skipNpm=true}.
 */
class WebSocketLoadBench {
  @Test
  void hundredDocumentsTenWritersEach() throws Exception {
    LoadRun.Settings settings = LoadRun.Settings.standard();
    HttpClient[] http = new HttpClient[Integer.getInteger("weft.load.httpClients", 8)];
    for (int i = 0; i < http.length; i++) {
      // a small pool per client, as on a client machine (the default cached pool would start
      // hundreds of threads for a thousand sockets on two cores)
      http[i] = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
    }
    try (SyncHub hub = SyncHub.builder().store(new MemoryDocumentStore()).build();
         JettyServer jetty = JettyServer.start(SyncEndpoint.config("/sync", hub))) {
      List<LoadReport> reports = new LoadRun(settings).run("websocket", (document, writer) ->
          WebSocketTransport.builder(jetty.uri("/sync/" + document)).httpClient(http[(document.hashCode() & 0x7fffffff) % http.length]).connect());
      LoadResults.record(reports);
      assertEquals(2, reports.size());
    }
  }
}
