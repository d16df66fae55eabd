package dev.weft.transport.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.transport.MemoryTransport;
import dev.weft.transport.fanout.Bridge;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.store.MemoryDocumentStore;
import dev.weft.transport.testing.load.LoadReport;
import dev.weft.transport.testing.load.LoadResults;
import dev.weft.transport.testing.load.LoadRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load through Kafka on loopback: a single-node KRaft broker (child JVM, full JIT, 1 GiB heap),
 * one topic of 4 partitions, and two nodes (a hub and a {@link KafkaFanout} each) bridging every
 * document; the writers of a document alternate between the nodes, joined in memory (on four delivery threads). Run on
 * demand: {@code ./mvnw -B -Pload -pl transports/kafka -am verify -Dweft.skipNpm=true}.
 */
class KafkaLoadBench {
  @TempDir
  Path dir;

  @Test
  void hundredDocumentsTenWritersEach() throws Exception {
    LoadRun.Settings settings = LoadRun.Settings.standard();
    List<AutoCloseable> resources = new ArrayList<>();
    ExecutorService lanes = Executors.newFixedThreadPool(4); // the in-memory client links
    resources.add(lanes::shutdownNow);
    try (KafkaBroker broker = new KafkaBroker(dir, List.of("-Xmx1g"))) {
      broker.createTopic("load", 4);
      SyncHub[] hubs = new SyncHub[2];
      for (int n = 0; n < hubs.length; n++) {
        hubs[n] = SyncHub.builder().store(new MemoryDocumentStore()).build();
        KafkaFanout fanout = KafkaFanout.builder(broker.bootstrap(), "load").node("node-" + n).build();
        resources.add(hubs[n]);
        resources.add(fanout);
        for (int d = 0; d < settings.documents(); d++) {
          Bridge bridge = fanout.bridge(hubs[n], "load-" + d);
          resources.add(bridge);
        }
      }
      List<LoadReport> reports = new LoadRun(settings).run("kafka", (document, writer) -> {
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
