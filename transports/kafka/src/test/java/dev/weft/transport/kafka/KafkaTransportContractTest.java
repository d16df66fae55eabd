package dev.weft.transport.kafka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.transport.testing.TransportContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract kit over a real broker: the two ends of a link are participants of two nodes on a
 * fresh document; sessions over them sync through the topic.
 */
@ExtendWith(Inapplicable.class)
class KafkaTransportContractTest extends TransportContract {
  private static final AtomicInteger DOCS = new AtomicInteger();
  private static Path dir;
  private static KafkaBroker broker;
  private static KafkaFanout nodeA;
  private static KafkaFanout nodeB;

  @BeforeAll
  static void startBroker() throws Exception {
    dir = Files.createTempDirectory("weft-kafka-contract");
    broker = new KafkaBroker(dir);
    broker.createTopic("docs", 3);
    nodeA = KafkaFanout.builder(broker.bootstrap(), "docs").node("a").build();
    nodeB = KafkaFanout.builder(broker.bootstrap(), "docs").node("b").build();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    nodeA.close();
    nodeB.close();
    broker.close();
  }

  @Override
  protected Link connect() throws Exception {
    String doc = "contract-" + DOCS.incrementAndGet();
    return new Link(nodeA.open(doc), nodeB.open(doc));
  }

  @Override
  protected void settle() throws InterruptedException {
    Thread.sleep(5);
  }

  @Test
  void ownRecordsAreNotEchoed() throws Exception {
    Link link = connect();
    Recorder mine = new Recorder();
    Recorder theirs = new Recorder();
    link.client().start(mine);
    link.server().start(theirs);
    link.client().send(new byte[] {42}).toCompletableFuture().get();
    await("the other side to receive", () -> theirs.messages().size() == 1);
    Thread.sleep(500);
    assertTrue(mine.messages().isEmpty(), "echoed to its sender");
    link.client().close();
    link.server().close();
  }
}
