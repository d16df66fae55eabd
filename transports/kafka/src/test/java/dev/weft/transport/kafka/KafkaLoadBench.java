package dev.weft.transport.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.transport.testing.load.BridgedHubs;
import dev.weft.transport.testing.load.LoadReport;
import dev.weft.transport.testing.load.LoadResults;
import dev.weft.transport.testing.load.LoadRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load through Kafka on loopback: a single-node KRaft broker (child JVM, full JIT, 1 GiB heap),
 * one topic of 4 partitions, and two nodes (a hub and a {@link KafkaFanout} each) bridging every
 * document, with the writers alternating between them ({@link BridgedHubs}). Run on demand:
 * {@code ./mvnw -B -Pload -pl transports/kafka -am verify -Dweft.skipNpm=true}.
 */
class KafkaLoadBench {
  @TempDir
  Path dir;

  @Test
  void hundredDocumentsTenWritersEach() throws Exception {
    LoadRun.Settings settings = LoadRun.Settings.standard();
    try (KafkaBroker broker = new KafkaBroker(dir, List.of("-Xmx1g"))) {
      broker.createTopic("load", 4);
      try (BridgedHubs nodes = new BridgedHubs(settings.documents(), node -> {
        KafkaFanout fanout = KafkaFanout.builder(broker.bootstrap(), "load").node(node).build();
        return new BridgedHubs.Bus(fanout::bridge, fanout);
      })) {
        List<LoadReport> reports = new LoadRun(settings).run("kafka", nodes.connector());
        LoadResults.record(reports);
        assertEquals(2, reports.size());
      }
    }
  }
}
