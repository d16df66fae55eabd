package dev.weft.transport.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.transport.MemoryTransport;
import dev.weft.transport.fanout.Bridge;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.store.MemoryDocumentStore;
import dev.weft.transport.testing.load.LoadReport;
import dev.weft.transport.testing.load.LoadResults;
import dev.weft.transport.testing.load.LoadRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Load through Redis Streams on loopback: two nodes (a hub and a {@link RedisFanout} each) bridge
 * every document, and the writers of a document alternate between the nodes, joined in memory (on four
 * delivery threads) as WebSocket clients would be; so most deliveries cross Redis. Run on demand:
 * {@code ./mvnw -B -Pload -pl transports/redis -am verify -Dweft.skipNpm=true}.
 */
class RedisLoadBench {
  @Test
  void hundredDocumentsTenWritersEach() throws Exception {
    LoadRun.Settings settings = LoadRun.Settings.standard();
    List<AutoCloseable> resources = new ArrayList<>();
    ExecutorService lanes = Executors.newFixedThreadPool(4); // the in-memory client links
    resources.add(lanes::shutdownNow);
    try (RedisServer redis = new RedisServer()) {
      SyncHub[] hubs = new SyncHub[2];
      for (int n = 0; n < hubs.length; n++) {
        hubs[n] = SyncHub.builder().store(new MemoryDocumentStore()).build();
        RedisFanout fanout = RedisFanout.builder(redis.uri()).node("node-" + n).build();
        resources.add(hubs[n]);
        resources.add(fanout);
        for (int d = 0; d < settings.documents(); d++) {
          Bridge bridge = fanout.bridge(hubs[n], "load-" + d);
          resources.add(bridge);
        }
      }
      List<LoadReport> reports = new LoadRun(settings).run("redis", (document, writer) -> {
        MemoryTransport.Pair link = MemoryTransport.pair(lanes);
        hubs[writer % hubs.length].join(document, link.server(), null);
        return link.client();
      });
      LoadResults.record(reports);
      assertEquals(2, reports.size());
    } finally {
      for (int i = resources.size() - 1; i >= 0; i--) {
        resources.get(i).close();
      }
    }
  }
}
