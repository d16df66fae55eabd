package dev.weft.transport.kafka;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A node's reader of one partition: one consumer and one thread hand each record to the
 * transports of its document that this node has open, however many documents share the
 * partition. Reading the partition once per node, not once per document, is what keeps a node
 * with many open documents from reading every record many times over.
 *
 * <p><b>Commit after apply.</b> After each poll the reader waits until every transport it handed
 * records to has applied them (a barrier on the transport's delivery thread), and only then
 * commits the offset past the batch for the consumer group {@code weft.<node>.p<partition>}. A
 * node restarted under the same name resumes there; a transport that opens later needs nothing
 * older, as its handshake is answered from a scan of the partition.
 *
 * <p><b>No gap on join.</b> A transport registers before its session's sync step 1 is answered:
 * the scan behind the answer reads to the partition's end at that time, and the reader delivers
 * everything after its own position at registration, which is not past that end.
 */
final class PartitionReader implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);

  private final TopicPartition partition;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<ByteBuffer, List<RecordTransport>> byDocument = new HashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  PartitionReader(KafkaFanout node, TopicPartition partition) {
    this.partition = partition;
    this.consumer = node.consumer("p" + partition.partition());
    try {
      consumer.assign(Set.of(partition));
      OffsetAndMetadata committed = consumer.committed(Set.of(partition)).get(partition);
      if (committed != null) {
        consumer.seek(partition, committed.offset()); // catch up on what this node missed
      } else {
        consumer.seekToEnd(Set.of(partition));
        consumer.position(partition); // fixed now, before any transport is answered
      }
    } catch (RuntimeException e) {
      consumer.close(Duration.ZERO);
      throw e;
    }
    this.thread = new Thread(this::pollLoop, "weft-kafka-read-" + partition);
    thread.setDaemon(true);
    thread.start();
  }

  synchronized void register(byte[] documentKey, RecordTransport t) {
    byDocument.computeIfAbsent(ByteBuffer.wrap(documentKey), k -> new CopyOnWriteArrayList<>()).add(t);
  }

  synchronized void unregister(byte[] documentKey, RecordTransport t) {
    ByteBuffer k = ByteBuffer.wrap(documentKey);
    List<RecordTransport> ts = byDocument.get(k);
    if (ts != null && ts.remove(t) && ts.isEmpty()) {
      byDocument.remove(k);
    }
  }

  private synchronized List<RecordTransport> transportsOf(byte[] key) {
    return key == null ? List.of() : byDocument.getOrDefault(ByteBuffer.wrap(key), List.of());
  }

  private void pollLoop() {
    try {
      while (!closed) {
        try {
          ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
          long next = -1;
          Set<RecordTransport> touched = new LinkedHashSet<>();
          for (ConsumerRecord<byte[], byte[]> r : records) {
            next = r.offset() + 1;
            for (RecordTransport t : transportsOf(r.key())) {
              if (t.deliver(r)) {
                touched.add(t);
              }
            }
          }
          if (next >= 0) {
            for (RecordTransport t : touched) {
              t.awaitApplied(); // a transport that closes meanwhile rejoins by handshake
            }
            if (!closed) {
              // asynchronous, in order; a lost commit only means records delivered again
              consumer.commitAsync(Map.of(partition, new OffsetAndMetadata(next)), null);
            }
          }
        } catch (WakeupException e) {
          // closing
        } catch (KafkaException e) {
          pause(); // the broker is away; uncommitted records are delivered again (duplicates are harmless)
        }
      }
    } finally {
      consumer.close(Duration.ofSeconds(1));
    }
  }

  private void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
  }
}
