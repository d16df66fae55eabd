package dev.weft.transport.redis;

import dev.weft.transport.fanout.Bridge;
import dev.weft.transport.Transport;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.store.DocumentStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One node's link to Redis, through which many nodes serve the same documents: every update and
 * awareness change a node's sessions make is appended to the document's Redis Stream, and every
 * other node reads it from there.
 *
 * <pre>{@code
 * RedisFanout fanout = RedisFanout.builder(URI.create("redis://127.0.0.1:6379"))
 *     .archive(sharedStore)              // where compacted stream entries go
 *     .build();
 * Bridge bridge = fanout.bridge(hub, "notes");   // this node's hub now shares "notes"
 * fanout.compact("notes", Duration.ofSeconds(10)); // now and then, on any node
 * }</pre>
 *
 * <h2>Design</h2>
 * A {@link Transport} from {@link #open} is a connection to a virtual peer, "the bus", whose
 * document is everything any node ever published: the archive's updates plus the update entries
 * in the stream. A {@link dev.weft.transport.SyncSession} attached to it needs nothing special:
 * its sync step 1 is answered from the bus state, its updates are published, and it receives
 * every other participant's entries. So a {@link SyncHub} shares a document with other nodes by
 * joining the bus as one more peer ({@link #bridge}), and a plain client can attach to
 * {@code redis://host:port/notes} directly (see {@link dev.weft.transport.Transports}).
 *
 * <ol>
 *   <li><b>Catch-up.</b> A transport reads from the last stream id it delivered; after Redis
 *       drops the connection it reads on from there.
 *   <li><b>Trimming.</b> {@link #compact} appends the merge of old entries to the archive, then
 *       records the last id compacted in the document's meta hash and trims the stream, in that
 *       order, so every entry is always in the stream or in the archive.
 *   <li><b>Falling behind.</b> A transport whose last id is below the trim mark, or that finds a
 *       new epoch (Redis lost the stream), resyncs by state vector against the bus state; its
 *       session then republishes whatever the bus lacks. That is why a Redis without persistence
 *       loses nothing a node acknowledged: each hub's own store still holds it.
 * </ol>
 *
 * <p><b>Costs.</b> Each open transport holds one Redis connection and one reader thread, and
 * answers a step 1 by reading the whole stream plus the archive (kept short by {@link #compact}).
 * The archive must be one store shared by every node: the trim mark promises that every node can
 * load what was trimmed.
 */
public final class RedisFanout implements AutoCloseable {
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> shared;
  private final DocumentStore archive;
  private final String node;
  private final AtomicLong participants = new AtomicLong();
  private final ScheduledExecutorService scheduler;

  private RedisFanout(Builder b) {
    this.node = b.node;
    this.archive = b.archive;
    this.resources = DefaultClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(20), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS))
        .build();
    RedisURI.Builder ub = RedisURI.builder().withHost(b.host).withPort(b.port).withTimeout(b.timeout);
    if (b.user != null) {
      ub.withAuthentication(b.user, b.password);
    }
    RedisURI uri = ub.build();
    this.client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder().autoReconnect(true).build());
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "weft-redis-" + node);
      t.setDaemon(true);
      return t;
    });
    try {
      this.shared = client.connect(ByteArrayCodec.INSTANCE);
    } catch (RuntimeException e) {
      shutdown();
      throw e;
    }
  }

  /**
   * A fan-out to the Redis at {@code redis://[user:password@]host[:port]} (a path, if any, is
   * ignored here); {@code redis://password@host} authenticates as the default user.
   */
  public static Builder builder(URI uri) {
    if (!"redis".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("expected redis://host[:port]: uri=" + uri);
    }
    Builder b = new Builder(uri.getHost(), uri.getPort() < 0 ? RedisURI.DEFAULT_REDIS_PORT : uri.getPort());
    String info = uri.getUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      b.user = colon < 0 ? "default" : info.substring(0, colon);
      b.password = colon < 0 ? info : info.substring(colon + 1);
    }
    return b;
  }

  /**
   * What {@code Transports.connect(URI.create("redis://host:port/notes"))} returns: a transport to
   * document {@code notes} through a fan-out of its own, without archive, closed with it.
   *
   * @throws IOException if Redis cannot be reached
   */
  public static Transport connect(URI uri) throws IOException {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String document = path.startsWith("/") ? path.substring(1) : path;
    if (document.isEmpty()) {
      throw new IllegalArgumentException("expected redis://host[:port]/document: uri=" + uri);
    }
    RedisFanout fanout;
    try {
      fanout = builder(uri).build();
    } catch (RedisException e) {
      throw new IOException("cannot reach Redis at " + uri, e);
    }
    try {
      return fanout.open(document, fanout::close);
    } catch (IOException | RuntimeException e) {
      fanout.close();
      throw e;
    }
  }

  /**
   * A transport to document {@code document} on the bus: attach a session to it, or let a hub join
   * it. Each call is a separate participant.
   *
   * @throws IOException if Redis cannot be reached
   */
  public Transport open(String document) throws IOException {
    return open(document, () -> {});
  }

  Transport open(String document, Runnable onClosed) throws IOException {
    if (document == null || document.isEmpty()) {
      throw new IllegalArgumentException("document must be a non-empty name: document=" + document);
    }
    try {
      return new StreamTransport(this, document, node + "/" + participants.incrementAndGet(), onClosed);
    } catch (RedisException e) {
      throw new IOException("cannot reach Redis for document=" + document, e);
    }
  }

  /**
   * Keeps {@code hub} joined to {@code document} on the bus, rejoining whenever the connection
   * ends, until the bridge is closed. The document stays loaded in the hub meanwhile.
   */
  public Bridge bridge(SyncHub hub, String document) {
    return bridge(hub, document, null);
  }

  /** Like {@link #bridge(SyncHub, String)}, joining with {@code credentials} for the hub's authorizer. */
  public Bridge bridge(SyncHub hub, String document, Object credentials) {
    return new Bridge(hub, document, credentials, () -> open(document), scheduler);
  }

  /**
   * Moves stream entries older than {@code retain} (by Redis's clock) into the archive and trims
   * them. Sessions that have not read them yet resync from the archive by state vector, so keep
   * {@code retain} above the usual read lag (seconds).
   *
   * @return how many entries were trimmed
   * @throws IllegalStateException if the fan-out has no archive
   * @throws IOException if the archive fails (nothing is trimmed then)
   */
  public long compact(String document, Duration retain) throws IOException {
    if (archive == null) {
      throw new IllegalStateException("compact needs an archive: RedisFanout.builder(...).archive(store)");
    }
    byte[] log = StreamLayout.logKey(document);
    List<byte[]> now = shared.sync().time();
    long cutoff = Long.parseLong(StreamLayout.string(now.get(0))) * 1000
        + Long.parseLong(StreamLayout.string(now.get(1))) / 1000 - retain.toMillis();
    List<StreamMessage<byte[], byte[]>> old = shared.sync().xrange(log,
        Range.from(Range.Boundary.unbounded(), Range.Boundary.including(cutoff + "-" + Long.MAX_VALUE)),
        Limit.create(0, 10_000));
    if (old.isEmpty()) {
      return 0;
    }
    List<byte[]> updates = new ArrayList<>();
    for (StreamMessage<byte[], byte[]> e : old) {
      if (Arrays.equals(StreamTransport.field(e.getBody(), StreamLayout.KIND), StreamLayout.KIND_UPDATE)) {
        updates.add(StreamTransport.field(e.getBody(), StreamLayout.DATA));
      }
    }
    if (!updates.isEmpty()) {
      archive.append(document, updates.size() == 1 ? updates.get(0) : dev.weft.crdt.Updates.mergeUpdates(updates));
    }
    String last = old.get(old.size() - 1).getId();
    Long trimmed = shared.sync().eval(StreamLayout.TRIM, ScriptOutputType.INTEGER,
        new byte[][] {log, StreamLayout.metaKey(document)},
        StreamLayout.bytes(last), StreamLayout.bytes(StreamLayout.next(last)));
    return trimmed;
  }

  /** Closes the Redis connections; transports still open stop working. */
  @Override
  public void close() {
    shared.close();
    shutdown();
  }

  private void shutdown() {
    scheduler.shutdownNow();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  StatefulRedisConnection<byte[], byte[]> connect() {
    return client.connect(ByteArrayCodec.INSTANCE);
  }

  RedisFuture<String> publish(byte[] log, byte[] sender, byte[] kind, byte[] data) {
    return shared.async().xadd(log, StreamLayout.SENDER, sender, StreamLayout.KIND, kind, StreamLayout.DATA, data);
  }

  /** Runs {@link StreamLayout#SNAPSHOT}: {epoch, trimmed, last id, entries}. */
  List<Object> snapshot(byte[] log, byte[] meta, boolean entries) {
    return shared.sync().eval(StreamLayout.SNAPSHOT, ScriptOutputType.MULTI, new byte[][] {log, meta},
        StreamLayout.bytes(UUID.randomUUID().toString()), StreamLayout.bytes(entries ? "1" : "0"));
  }

  /** The stream first, then the archive: an entry trimmed meanwhile was archived before. */
  @SuppressWarnings("unchecked")
  BusState busState(String document, byte[] log, byte[] meta) throws IOException {
    List<Object> s = snapshot(log, meta, true);
    List<byte[]> updates = new ArrayList<>();
    List<Object> entries = s.get(3) instanceof List<?> l ? (List<Object>) l : List.of();
    for (Object o : entries) {
      List<Object> entry = (List<Object>) o;
      List<Object> fields = (List<Object>) entry.get(1);
      byte[] kind = null;
      byte[] data = null;
      for (int i = 0; i + 1 < fields.size(); i += 2) {
        byte[] name = (byte[]) fields.get(i);
        if (Arrays.equals(name, StreamLayout.KIND)) {
          kind = (byte[]) fields.get(i + 1);
        } else if (Arrays.equals(name, StreamLayout.DATA)) {
          data = (byte[]) fields.get(i + 1);
        }
      }
      if (data != null && Arrays.equals(kind, StreamLayout.KIND_UPDATE)) {
        updates.add(data);
      }
    }
    if (archive != null) {
      List<byte[]> archived = new ArrayList<>(archive.load(document));
      archived.addAll(updates);
      updates = archived;
    }
    String trimmed = s.get(1) instanceof byte[] b ? StreamLayout.string(b) : null;
    String last = s.get(2) instanceof byte[] b ? StreamLayout.string(b) : null;
    String lastId = StreamLayout.max(StreamLayout.max(trimmed, last), StreamLayout.ZERO);
    return BusState.of(updates, lastId, StreamLayout.string((byte[]) s.get(0)));
  }

  /** Options of a {@link RedisFanout}. */
  public static final class Builder {
    private final String host;
    private final int port;
    private String node = UUID.randomUUID().toString();
    private DocumentStore archive;
    private Duration timeout = Duration.ofSeconds(10);
    private String user;
    private String password;

    private Builder(String host, int port) {
      this.host = host;
      this.port = port;
    }

    /** This node's name, which prefixes the sender id of its entries; random by default. */
    public Builder node(String node) {
      this.node = Objects.requireNonNull(node, "node");
      return this;
    }

    /**
     * The store compacted entries go to, shared by every node (required by {@link #compact}).
     * Without one the stream is never trimmed.
     */
    public Builder archive(DocumentStore archive) {
      this.archive = Objects.requireNonNull(archive, "archive");
      return this;
    }

    /** How long a Redis command may take, including while Redis is unreachable; 10 s by default. */
    public Builder commandTimeout(Duration timeout) {
      if (timeout.toMillis() < 1000) {
        throw new IllegalArgumentException("commandTimeout must be at least 1 s (reads block 0.5 s): timeout=" + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public RedisFanout build() {
      return new RedisFanout(this);
    }
  }
}
