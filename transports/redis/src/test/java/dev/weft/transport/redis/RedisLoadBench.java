package dev.weft.transport.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.transport.testing.load.BridgedHubs;
import dev.weft.transport.testing.load.LoadReport;
import dev.weft.transport.testing.load.LoadResults;
import dev.weft.transport.testing.load.LoadRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Load through Redis Streams on loopback: two nodes (a hub and a {@link RedisFanout} each) bridge
 * every document, with the writers alternating between them ({@link BridgedHubs}). Run on demand:
 * {@code ./mvnw -B -Pload -pl transports/redis -am verify -Dweft.skipNpm=true}.
 */
class RedisLoadBench {
  @Test
  void hundredDocumentsTenWritersEach() throws Exception {
    LoadRun.Settings settings = LoadRun.Settings.standard();
    try (RedisServer redis = new RedisServer();
         BridgedHubs nodes = new BridgedHubs(settings.documents(), node -> {
           RedisFanout fanout = RedisFanout.builder(redis.uri()).node(node).build();
           return new BridgedHubs.Bus(fanout::bridge, fanout);
         })) {
      List<LoadReport> reports = new LoadRun(settings).run("redis", nodes.connector());
      LoadResults.record(reports);
      assertEquals(2, reports.size());
    }
  }
}
