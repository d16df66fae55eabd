package dev.weft.transport.kafka;

import dev.weft.transport.fanout.Inbound;
import dev.weft.transport.fanout.Outgoing;
import dev.weft.transport.Transport;
import dev.weft.transport.protocol.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * One participant on a document's partition, seen by its session as a connection to a peer that
 * holds every node's updates (see {@link KafkaFanout}).
 *
 * <ul>
 *   <li>{@code send}: a sync step 1 is answered here from the {@link BusState} (a scan of the
 *       document's records in its partition), never published; updates are published as {@code
 *       k=u} records, anything else whole as {@code k=m}. The stage completes when the broker
 *       acknowledged the record ({@code acks=all}).
 *   <li>Reading: the node's {@link PartitionReader} hands over the document's records but this
 *       transport's own, and commits only after the session has applied them.
 * </ul>
 */
final class RecordTransport implements Transport {
  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaFanout node;
  private final String document;
  private final byte[] key;
  private final byte[] self;
  private final TopicPartition partition;
  private final PartitionReader reader;
  private final Inbound inbound;
  private final Runnable onClosed;
  private volatile boolean closed;

  RecordTransport(KafkaFanout node, String document, String self, Runnable onClosed) {
    this.node = node;
    this.document = document;
    this.key = RecordLayout.bytes(document);
    this.self = RecordLayout.bytes(self);
    this.onClosed = onClosed;
    this.partition = node.partitionOf(document);
    this.inbound = new Inbound("weft-kafka-deliver-" + document);
    this.reader = node.reader(partition);
    reader.register(key, this); // before any step 1 is answered: no gap between scan and live records
  }

  @Override
  public void start(Receiver receiver) {
    inbound.start(receiver);
  }

  @Override
  public CompletionStage<Void> send(byte[] message) {
    if (closed) {
      return CompletableFuture.failedFuture(new IOException("transport closed"));
    }
    Outgoing out = Outgoing.of(message);
    if (out instanceof Outgoing.AnswerStep1 s) {
      inbound.execute(() -> answer(s.stateVector()));
      return CompletableFuture.completedFuture(null);
    } else if (out instanceof Outgoing.Drop) {
      return CompletableFuture.completedFuture(null);
    }
    boolean update = out instanceof Outgoing.PublishUpdate;
    byte[] kind = update ? RecordLayout.KIND_UPDATE : RecordLayout.KIND_MESSAGE;
    byte[] data = update ? ((Outgoing.PublishUpdate) out).update() : ((Outgoing.PublishMessage) out).message();
    return node.publish(partition, key, self, kind, data);
  }

  @Override
  public void close() {
    closeWith(null);
  }

  private void closeWith(Throwable cause) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    reader.unregister(key, this);
    inbound.close(cause);
    onClosed.run();
  }

  private void answer(byte[] stateVector) {
    try {
      node.busState(partition, key).answer(stateVector).forEach(inbound::offer);
    } catch (RuntimeException e) {
      closeWith(e);
    }
  }

  /**
   * Hands one record of this document's partition to the session, unless it is this transport's
   * own or another document's; whether it was handed over.
   */
  boolean deliver(ConsumerRecord<byte[], byte[]> r) {
    if (closed || !Arrays.equals(r.key(), key) || Arrays.equals(header(r, RecordLayout.SENDER), self)
        || r.value() == null) {
      return false;
    }
    if (Arrays.equals(header(r, RecordLayout.KIND), RecordLayout.KIND_UPDATE)) {
      inbound.offer(new Message.SyncUpdate(r.value()).encode());
      return true;
    } else if (System.currentTimeMillis() - r.timestamp() < RecordLayout.CONTROL_TTL_MILLIS) {
      inbound.offer(r.value());
      return true;
    }
    return false;
  }

  /** Waits until the receiver has returned from every message handed over so far, or closed. */
  void awaitApplied() {
    CompletableFuture<Void> barrier = new CompletableFuture<>();
    inbound.execute(() -> barrier.complete(null));
    while (!closed && !inbound.isClosing()) {
      try {
        barrier.get(100, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        // still applying
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        return;
      }
    }
  }

  static byte[] header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : h.value();
  }

  /** Every update record of the document up to the partition's end, read from the beginning. */
  static List<byte[]> scan(KafkaConsumer<byte[], byte[]> c, TopicPartition tp, byte[] key) {
    c.assign(Set.of(tp));
    c.seekToBeginning(Set.of(tp));
    long end = c.endOffsets(Set.of(tp)).get(tp);
    List<byte[]> updates = new ArrayList<>();
    while (c.position(tp) < end) {
      for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
        if (r.offset() < end && Arrays.equals(r.key(), key)
            && Arrays.equals(header(r, RecordLayout.KIND), RecordLayout.KIND_UPDATE)) {
          updates.add(r.value());
        }
      }
    }
    return updates;
  }

}
