package dev.weft.transport.server;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.transport.SessionLimits;
import dev.weft.transport.Ticker;
import dev.weft.transport.Transport;
import dev.weft.transport.protocol.Message;
import dev.weft.transport.store.DocumentStore;
import dev.weft.transport.store.MemoryDocumentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The server side: many documents, each with many peers, as y-websocket's server does it.
 *
 * <pre>{@code
 * SyncHub hub = SyncHub.builder().store(new FileDocumentStore(dir)).authorizer(auth).build();
 * hub.scheduleMaintenance(scheduler);
 * // for each accepted connection (a WebSocket to /room, say):
 * hub.join("room", transport, token);
 * }</pre>
 *
 * <ul>
 *   <li><b>Loading.</b> A document is loaded from the {@link DocumentStore} when its first peer
 *       joins, and unloaded (after compacting its log) once it has had no peer for the idle
 *       timeout. Loading happens under the hub's lock: joins are serialized while a document
 *       loads.
 *   <li><b>Persistence.</b> Every update a peer sends is appended to the store before it is
 *       forwarded to the other peers. If an append fails the document is dropped from memory and
 *       its peers disconnected; they hold the update and resend it when they resync.
 *   <li><b>Authorization.</b> The {@link Authorizer} decides on join: read-write, read-only (sync
 *       step 2 and update messages from the peer are dropped) or deny (an auth permission-denied
 *       message, then the connection is closed).
 *   <li><b>Awareness.</b> Each document has one awareness; states are forwarded to all peers,
 *       and those a connection announced are removed when it closes.
 *   <li><b>Time.</b> {@link #maintain()} runs awareness timeouts, the slow-peer check and idle
 *       unloading; call it every few seconds, or let {@link #scheduleMaintenance} do it.
 * </ul>
 */
public final class SyncHub implements AutoCloseable {
  private final DocumentStore store;
  private final Authorizer authorizer;
  private final Ticker ticker;
  private final long idleMillis;
  private final SessionLimits limits;
  private final LongSupplier clientIds;
  private final Map<String, HostedDoc> docs = new LinkedHashMap<>();
  private boolean closed;

  private SyncHub(Builder b) {
    this.store = b.store;
    this.authorizer = b.authorizer;
    this.ticker = b.ticker;
    this.idleMillis = b.idleTimeout.toMillis();
    this.limits = b.limits;
    this.clientIds = b.clientIds;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Lets a peer join document {@code document} over {@code transport}, loading the document if
   * needed; the handshake starts at once.
   *
   * @return the access granted; for {@link Access#DENY} the transport is being closed
   * @throws UncheckedIOException if the document cannot be loaded (the transport is closed)
   */
  public Access join(String document, Transport transport, Object credentials) {
    Objects.requireNonNull(document, "document");
    Access access = Objects.requireNonNull(authorizer.authorize(document, credentials), "access");
    if (access == Access.DENY) {
      deny(transport, "permission denied: " + document);
      return access;
    }
    synchronized (this) {
      if (closed) {
        transport.close();
        throw new IllegalStateException("hub is closed");
      }
      HostedDoc h = docs.get(document);
      if (h == null || h.failed()) {
        try {
          h = HostedDoc.load(document, new Doc(clientIds), store, ticker);
        } catch (IOException e) {
          transport.close();
          throw new UncheckedIOException("cannot load document=" + document, e);
        }
        docs.put(document, h);
      }
      h.join(transport, access == Access.READ_ONLY, limits);
    }
    return access;
  }

  private static void deny(Transport transport, String reason) {
    transport.start(new Transport.Receiver() {
      @Override
      public void onMessage(byte[] message) {}

      @Override
      public void onClose(Throwable cause) {}
    });
    transport.send(new Message.PermissionDenied(reason).encode()).whenComplete((ok, err) -> transport.close());
  }

  /** Runs timeouts and unloads idle documents; see the class comment. */
  public void maintain() {
    synchronized (this) {
      for (Iterator<HostedDoc> it = docs.values().iterator(); it.hasNext(); ) {
        HostedDoc h = it.next();
        if (h.maintain(idleMillis)) {
          it.remove();
          unload(h);
        }
      }
    }
  }

  private void unload(HostedDoc h) {
    boolean failed = h.failed();
    h.unload();
    if (!failed) {
      try {
        store.compact(h.name);
      } catch (IOException | RuntimeException e) {
        // compaction only saves space and load time; the uncompacted log is intact
      }
    }
  }

  /** Calls {@link #maintain()} every {@code Awareness.CHECK_INTERVAL_MILLIS} on {@code scheduler}. */
  public ScheduledFuture<?> scheduleMaintenance(ScheduledExecutorService scheduler) {
    long every = dev.weft.transport.awareness.Awareness.CHECK_INTERVAL_MILLIS;
    return scheduler.scheduleWithFixedDelay(this::maintain, every, every, TimeUnit.MILLISECONDS);
  }

  /** Names of the documents in memory. */
  public synchronized Set<String> loadedDocuments() {
    return new TreeSet<>(docs.keySet());
  }

  /** Peers connected to {@code document} (0 if it is not loaded). */
  public synchronized int peerCount(String document) {
    HostedDoc h = docs.get(document);
    return h == null ? 0 : h.peerCount();
  }

  /** The whole document as one update: from memory if loaded, else from the store. */
  public byte[] encodeStateAsUpdate(String document) throws IOException {
    HostedDoc h;
    synchronized (this) {
      h = docs.get(document);
    }
    if (h != null) {
      synchronized (h) {
        return h.doc.encodeStateAsUpdate();
      }
    }
    List<byte[]> stored = store.load(document);
    return Updates.mergeUpdates(stored);
  }

  /** The awareness states of a loaded document (empty if it is not loaded). */
  public Map<Long, Object> awarenessStates(String document) {
    HostedDoc h;
    synchronized (this) {
      h = docs.get(document);
    }
    if (h == null) {
      return Map.of();
    }
    synchronized (h) {
      return h.awareness.states();
    }
  }

  /** Disconnects every peer and unloads every document. The store stays open (it is the caller's). */
  @Override
  public synchronized void close() {
    closed = true;
    for (HostedDoc h : docs.values()) {
      unload(h);
    }
    docs.clear();
  }

  /** Options of a {@link SyncHub}. */
  public static final class Builder {
    private DocumentStore store = new MemoryDocumentStore();
    private Authorizer authorizer = Authorizer.allowAll();
    private Ticker ticker = Ticker.system();
    private Duration idleTimeout = Duration.ofSeconds(60);
    private SessionLimits limits = SessionLimits.DEFAULT;
    private LongSupplier clientIds = Doc::randomClientId;

    private Builder() {}

    /** Where documents live; an in-memory store by default. */
    public Builder store(DocumentStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Who may join what; everyone may read and write by default. */
    public Builder authorizer(Authorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      return this;
    }

    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** How long a document stays loaded without peers; 60 s by default. */
    public Builder idleTimeout(Duration idleTimeout) {
      if (idleTimeout.isNegative()) {
        throw new IllegalArgumentException("idleTimeout must not be negative: idleTimeout=" + idleTimeout);
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    /** Outbound limits of each peer connection. */
    public Builder limits(SessionLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Client ids of the server's copies of documents (they never edit, but need one). */
    public Builder clientIds(LongSupplier clientIds) {
      this.clientIds = Objects.requireNonNull(clientIds, "clientIds");
      return this;
    }

    public SyncHub build() {
      return new SyncHub(this);
    }
  }
}
