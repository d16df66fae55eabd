package dev.weft.transport.kafka;

import dev.weft.transport.fanout.Bridge;
import dev.weft.transport.Transport;
import dev.weft.transport.server.SyncHub;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One node's link to Kafka, through which many nodes serve the same documents: one topic carries
 * every document, keyed by document id, so each document's records are in one partition, in
 * order.
 *
 * <pre>{@code
 * KafkaFanout fanout = KafkaFanout.builder("127.0.0.1:9092", "weft-docs").node("node-1").build();
 * Bridge bridge = fanout.bridge(hub, "notes");   // this node's hub now shares "notes"
 * }</pre>
 *
 * <h2>Design</h2>
 * As with the Redis adapter, a {@link Transport} from {@link #open} is a connection to a virtual
 * peer, "the bus", whose document is every update record of the document: a session's sync step
 * 1 is answered from a scan of the partition, its updates are published, and it receives every
 * other participant's records. A {@link SyncHub} joins the bus as one more peer ({@link
 * #bridge}); a client may attach to {@code kafka://host:port/topic/document} directly.
 *
 * <ol>
 *   <li><b>One reader per partition.</b> A node reads each partition it uses once, with one
 *       consumer and thread ({@link PartitionReader}) that hand each record to the transports of
 *       its document, whatever the number of open documents.
 *   <li><b>Commit after apply.</b> The reader's consumer group is {@code weft.<node>.p<n>}; it
 *       commits an offset only after every session it handed records to has applied them (for a
 *       hub: appended them to the hub's store). A node restarted under the same name resumes
 *       from its committed offsets.
 *   <li><b>Acknowledged.</b> A send completes when the broker acknowledged the record
 *       ({@code acks=all}, idempotent producer); while the broker is away the producer retries.
 * </ol>
 *
 * <p><b>Costs and limits.</b> Per node: one producer, one consumer and thread per partition in
 * use, one delivery thread per open transport. A step 1 scans the document's partition from its start, so the topic must keep every
 * record ({@code retention.ms=-1}, never {@code cleanup.policy=compact}, which would keep one
 * record per document); there is no archive or trimming yet.
 */
public final class KafkaFanout implements AutoCloseable {
  private final String bootstrap;
  private final String topic;
  private final String node;
  private final int partitions;
  private final KafkaProducer<byte[], byte[]> producer;
  private final AtomicLong participants = new AtomicLong();
  private final ScheduledExecutorService scheduler;
  private final Map<TopicPartition, PartitionReader> readers = new HashMap<>();
  private boolean closed;

  private KafkaFanout(Builder b) {
    this.bootstrap = b.bootstrap;
    this.topic = b.topic;
    this.node = b.node;
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "weft-" + node);
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    try {
      this.partitions = producer.partitionsFor(topic).size(); // also caches the metadata
    } catch (KafkaException e) {
      producer.close();
      throw e;
    }
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "weft-kafka-" + node);
      t.setDaemon(true);
      return t;
    });
  }

  /** A fan-out over {@code topic} on the brokers {@code bootstrap} ({@code host:port,...}). */
  public static Builder builder(String bootstrap, String topic) {
    return new Builder(bootstrap, topic);
  }

  /**
   * What {@code Transports.connect(URI.create("kafka://host:port/topic/notes?node=n1"))} returns:
   * a transport to document {@code notes} through a fan-out of its own, closed with it. Without
   * {@code node} a random name is used, so it starts from the end of the partition.
   */
  public static Transport connect(URI uri) throws IOException {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String[] parts = path.startsWith("/") ? path.substring(1).split("/", 2) : new String[0];
    if (uri.getHost() == null || parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException("expected kafka://host:port/topic/document: uri=" + uri);
    }
    Builder b = builder(uri.getHost() + ":" + (uri.getPort() < 0 ? 9092 : uri.getPort()), parts[0]);
    String query = uri.getQuery();
    if (query != null && query.startsWith("node=")) {
      b.node(query.substring(5));
    }
    KafkaFanout fanout;
    try {
      fanout = b.build();
    } catch (KafkaException e) {
      throw new IOException("cannot reach Kafka at " + uri, e);
    }
    try {
      return fanout.open(parts[1], fanout::close);
    } catch (IOException | RuntimeException e) {
      fanout.close();
      throw e;
    }
  }

  /**
   * A transport to {@code document} on the bus. Each call is a separate participant; they share
   * the node's partition readers.
   *
   * @throws IOException if Kafka cannot be reached
   */
  public Transport open(String document) throws IOException {
    return open(document, () -> {});
  }

  Transport open(String document, Runnable onClosed) throws IOException {
    if (document == null || document.isEmpty()) {
      throw new IllegalArgumentException("document must be a non-empty name: document=" + document);
    }
    try {
      return new RecordTransport(this, document, node + "/" + UUID.randomUUID() + "/" + participants.incrementAndGet(), onClosed);
    } catch (KafkaException e) {
      throw new IOException("cannot reach Kafka for document=" + document, e);
    }
  }

  /** Keeps {@code hub} joined to {@code document} on the bus until the bridge is closed. */
  public Bridge bridge(SyncHub hub, String document) {
    return bridge(hub, document, null);
  }

  /** Like {@link #bridge(SyncHub, String)}, joining with {@code credentials} for the hub's authorizer. */
  public Bridge bridge(SyncHub hub, String document, Object credentials) {
    return new Bridge(hub, document, credentials, () -> open(document), scheduler);
  }

  @Override
  public void close() {
    synchronized (readers) {
      closed = true;
      readers.values().forEach(PartitionReader::close);
      readers.clear();
    }
    scheduler.shutdownNow();
    producer.close(java.time.Duration.ofSeconds(5));
  }

  TopicPartition partitionOf(String document) {
    return new TopicPartition(topic, RecordLayout.partition(document, partitions));
  }

  /** This node's reader of {@code tp}, started on first use and shared by its transports. */
  PartitionReader reader(TopicPartition tp) {
    synchronized (readers) {
      if (closed) {
        throw new IllegalStateException("the fan-out is closed");
      }
      return readers.computeIfAbsent(tp, p -> new PartitionReader(this, p));
    }
  }

  /** How many partition readers this node runs. */
  int readerCount() {
    synchronized (readers) {
      return readers.size();
    }
  }

  /** A consumer in this node's group {@code weft.<node>.<group>} (null: no group, for scans). */
  KafkaConsumer<byte[], byte[]> consumer(String group) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    c.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    if (group != null) {
      c.put(ConsumerConfig.GROUP_ID_CONFIG, "weft." + node + "." + group);
    }
    return new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  CompletableFuture<Void> publish(TopicPartition tp, byte[] key, byte[] sender, byte[] kind, byte[] data) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(tp.topic(), tp.partition(), key, data,
        List.of(new RecordHeader(RecordLayout.SENDER, sender), new RecordHeader(RecordLayout.KIND, kind)));
    try {
      producer.send(r, (meta, err) -> {
        if (err == null) {
          sent.complete(null);
        } else {
          sent.completeExceptionally(err);
        }
      });
    } catch (KafkaException e) {
      sent.completeExceptionally(e);
    }
    return sent;
  }

  BusState busState(TopicPartition tp, byte[] key) {
    try (KafkaConsumer<byte[], byte[]> scanner = consumer(null)) {
      return BusState.of(RecordTransport.scan(scanner, tp, key));
    }
  }

  /** Options of a {@link KafkaFanout}. */
  public static final class Builder {
    private final String bootstrap;
    private final String topic;
    private String node = UUID.randomUUID().toString();

    private Builder(String bootstrap, String topic) {
      this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
      this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * This node's name: it names the node's consumer groups, so a node restarted under the same
     * name resumes from its committed offsets. Random by default.
     */
    public Builder node(String node) {
      this.node = Objects.requireNonNull(node, "node");
      return this;
    }

    /** Connects the producer and reads the topic's partition count. */
    public KafkaFanout build() {
      return new KafkaFanout(this);
    }
  }
}
