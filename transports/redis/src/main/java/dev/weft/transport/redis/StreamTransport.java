package dev.weft.transport.redis;

import dev.weft.transport.fanout.Inbound;
import dev.weft.transport.fanout.Outgoing;
import static dev.weft.transport.redis.StreamLayout.DATA;
import static dev.weft.transport.redis.StreamLayout.EPOCH;
import static dev.weft.transport.redis.StreamLayout.KIND;
import static dev.weft.transport.redis.StreamLayout.KIND_MESSAGE;
import static dev.weft.transport.redis.StreamLayout.KIND_UPDATE;
import static dev.weft.transport.redis.StreamLayout.SENDER;
import static dev.weft.transport.redis.StreamLayout.TRIMMED;

import dev.weft.transport.Transport;
import dev.weft.transport.protocol.Message;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One participant on a document's stream, seen by its session as a connection to a peer that
 * holds every node's updates (see {@link RedisFanout} for the design).
 *
 * <ul>
 *   <li>{@code send}: a sync step 1 is answered here from the {@link BusState} (archive plus
 *       stream), never published; updates (sync update, non-empty step 2) are published as
 *       {@code k=u} entries, anything else whole as {@code k=m}. The stage completes when Redis
 *       has appended the entry.
 *   <li>Reading: one thread per transport runs {@code XREAD BLOCK} on its own connection from the
 *       last id it delivered, skipping its own entries. After each read it checks the document's
 *       epoch and trim mark: if the stream was lost, or trimmed past the last id read (the node fell
 *       behind), it resyncs by state vector ({@link BusState#resync()}) instead of trusting the
 *       stream. After a dropped connection it simply reads on from the last id: it catches up.
 * </ul>
 */
final class StreamTransport implements Transport {
  private static final int BLOCK_MILLIS = 500;
  private static final int BATCH = 256;
  private static final long RETRY_MILLIS = 200;

  private final RedisFanout node;
  private final String document;
  private final byte[] log;
  private final byte[] meta;
  private final byte[] self;
  private final StatefulRedisConnection<byte[], byte[]> reading;
  private final Inbound inbound;
  private final Runnable onClosed;
  private volatile boolean closed;
  /** Read position and the epoch it belongs to; touched by the reader thread once started. */
  private String lastId;
  private String epoch;

  StreamTransport(RedisFanout node, String document, String self, Runnable onClosed) {
    this.node = node;
    this.document = document;
    this.log = StreamLayout.logKey(document);
    this.meta = StreamLayout.metaKey(document);
    this.self = StreamLayout.bytes(self);
    this.onClosed = onClosed;
    this.reading = node.connect();
    this.inbound = new Inbound("weft-redis-deliver-" + document);
    List<Object> position = node.snapshot(log, meta, false);
    this.epoch = StreamLayout.string((byte[]) position.get(0));
    this.lastId = StreamLayout.max(StreamLayout.max(id(position.get(1)), id(position.get(2))), StreamLayout.ZERO);
  }

  @Override
  public void start(Receiver receiver) {
    inbound.start(receiver);
    Thread reader = new Thread(this::readLoop, "weft-redis-read-" + document);
    reader.setDaemon(true);
    reader.start();
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
    byte[] kind = update ? KIND_UPDATE : KIND_MESSAGE;
    byte[] data = update ? ((Outgoing.PublishUpdate) out).update() : ((Outgoing.PublishMessage) out).message();
    try {
      return node.publish(log, self, kind, data).thenApply(id -> null);
    } catch (RedisException e) {
      return CompletableFuture.failedFuture(e);
    }
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
    inbound.close(cause);
    reading.closeAsync();
    onClosed.run();
  }

  private void answer(byte[] stateVector) {
    try {
      node.busState(document, log, meta).answer(stateVector).forEach(inbound::offer);
    } catch (IOException | RuntimeException e) {
      closeWith(e);
    }
  }

  private void readLoop() {
    while (!closed) {
      try {
        String before = lastId;
        List<StreamMessage<byte[], byte[]>> batch = reading.sync().xread(
            XReadArgs.Builder.block(BLOCK_MILLIS).count(BATCH), XReadArgs.StreamOffset.from(log, before));
        List<KeyValue<byte[], byte[]>> mark = reading.sync().hmget(meta, EPOCH, TRIMMED);
        String nowEpoch = StreamLayout.string(mark.get(0).getValueOrElse(null));
        String trimmed = StreamLayout.string(mark.get(1).getValueOrElse(null));
        if (!Objects.equals(nowEpoch, epoch) || (trimmed != null && StreamLayout.compareIds(trimmed, before) > 0)) {
          resync();
        } else if (batch != null) {
          batch.forEach(this::deliver);
        }
      } catch (RedisException e) {
        if (!closed) {
          pause(); // Lettuce reconnects; the next read catches up from lastId
        }
      } catch (IOException | RuntimeException e) {
        closeWith(e);
      }
    }
  }

  private void resync() throws IOException {
    BusState s = node.busState(document, log, meta);
    lastId = s.lastId();
    epoch = s.epoch();
    s.resync().forEach(inbound::offer);
  }

  private void deliver(StreamMessage<byte[], byte[]> entry) {
    lastId = entry.getId();
    Map<byte[], byte[]> body = entry.getBody();
    byte[] sender = field(body, SENDER);
    byte[] data = field(body, DATA);
    if (data == null || Arrays.equals(sender, self)) {
      return;
    }
    boolean update = Arrays.equals(field(body, KIND), KIND_UPDATE);
    inbound.offer(update ? new Message.SyncUpdate(data).encode() : data);
  }

  static byte[] field(Map<byte[], byte[]> body, byte[] name) {
    for (Map.Entry<byte[], byte[]> e : body.entrySet()) {
      if (Arrays.equals(e.getKey(), name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String id(Object o) {
    return o instanceof byte[] b ? StreamLayout.string(b) : null;
  }


  /** An update v1 with no structs and no deletions: {@code [0, 0]}. */

  private void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeWith(e);
    }
  }
}
