package dev.weft.transport.kafka;

import dev.weft.transport.fanout.Inbound;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.transport.Transport;
import dev.weft.transport.protocol.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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
 *   <li>Reading: one thread polls the partition from this participant's committed offset (its
 *       own consumer group), delivers the document's records but its own, waits until the session
 *       has applied them, and only then commits. A node that restarts with the same name resumes
 *       from there: it catches up on what it missed.
 * </ul>
 */
final class RecordTransport implements Transport {
  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaFanout node;
  private final String document;
  private final byte[] key;
  private final byte[] self;
  private final TopicPartition partition;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Inbound inbound;
  private final Runnable onClosed;
  private volatile boolean closed;
  private boolean started;

  RecordTransport(KafkaFanout node, String document, String self, Runnable onClosed) {
    this.node = node;
    this.document = document;
    this.key = RecordLayout.bytes(document);
    this.self = RecordLayout.bytes(self);
    this.onClosed = onClosed;
    this.partition = node.partitionOf(document);
    this.inbound = new Inbound("weft-kafka-deliver-" + document);
    this.consumer = node.consumer(document);
    try {
      consumer.assign(Set.of(partition));
      OffsetAndMetadata committed = consumer.committed(Set.of(partition)).get(partition);
      if (committed != null) {
        consumer.seek(partition, committed.offset()); // catch up on what this node missed
      } else {
        consumer.seekToEnd(Set.of(partition));
        consumer.position(partition); // fixed now: a later step 1 answer overlaps, never gaps
      }
    } catch (RuntimeException e) {
      consumer.close(Duration.ZERO);
      throw e;
    }
  }

  @Override
  public void start(Receiver receiver) {
    synchronized (this) {
      if (closed) {
        inbound.start(receiver);
        return;
      }
      started = true;
    }
    inbound.start(receiver);
    Thread reader = new Thread(this::pollLoop, "weft-kafka-read-" + document);
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public CompletionStage<Void> send(byte[] message) {
    if (closed) {
      return CompletableFuture.failedFuture(new IOException("transport closed"));
    }
    Message m = decodeOrNull(message);
    if (m instanceof Message.SyncStep1 s) {
      inbound.execute(() -> answer(s.stateVector()));
      return CompletableFuture.completedFuture(null);
    }
    byte[] kind = RecordLayout.KIND_MESSAGE;
    byte[] data = message;
    if (m instanceof Message.SyncUpdate u) {
      kind = RecordLayout.KIND_UPDATE;
      data = u.update();
    } else if (m instanceof Message.SyncStep2 s) {
      if (s.update().length == 2 && s.update()[0] == 0 && s.update()[1] == 0) {
        return CompletableFuture.completedFuture(null); // nothing the bus lacks
      }
      kind = RecordLayout.KIND_UPDATE;
      data = s.update();
    }
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
      if (!started) {
        consumer.close(Duration.ZERO); // no poll thread will
      }
    }
    consumer.wakeup();
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

  private void pollLoop() {
    try {
      while (!closed) {
        try {
          ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
          long next = -1;
          for (ConsumerRecord<byte[], byte[]> r : records) {
            next = r.offset() + 1;
            deliver(r);
          }
          if (next >= 0 && applied()) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
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

  private void deliver(ConsumerRecord<byte[], byte[]> r) {
    if (!Arrays.equals(r.key(), key) || Arrays.equals(header(r, RecordLayout.SENDER), self) || r.value() == null) {
      return;
    }
    if (Arrays.equals(header(r, RecordLayout.KIND), RecordLayout.KIND_UPDATE)) {
      inbound.offer(new Message.SyncUpdate(r.value()).encode());
    } else if (System.currentTimeMillis() - r.timestamp() < RecordLayout.CONTROL_TTL_MILLIS) {
      inbound.offer(r.value());
    }
  }

  /** Waits until the receiver has returned from every message offered so far. */
  private boolean applied() {
    CompletableFuture<Void> barrier = new CompletableFuture<>();
    inbound.execute(() -> barrier.complete(null));
    while (!closed) {
      try {
        barrier.get(100, TimeUnit.MILLISECONDS);
        return true;
      } catch (TimeoutException e) {
        // still applying
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (java.util.concurrent.ExecutionException e) {
        return false;
      }
    }
    return false;
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

  private static Message decodeOrNull(byte[] message) {
    try {
      return Message.decode(message);
    } catch (DecodingException e) {
      return null; // not a y-protocols message: relayed whole
    }
  }

  private void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeWith(e);
    }
  }
}
