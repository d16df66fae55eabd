package dev.weft.transport;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Subscription;
import dev.weft.transport.awareness.Awareness;
import dev.weft.transport.awareness.AwarenessChange;
import dev.weft.transport.protocol.AwarenessUpdate;
import dev.weft.transport.protocol.Message;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps a {@link Doc} (and optionally an {@link Awareness}) in sync with one peer over a {@link
 * Transport}, speaking y-protocols as y-websocket frames it. The same class serves both ends: a
 * client syncing with a server, and each peer connection inside {@link
 * dev.weft.transport.server.SyncHub}.
 *
 * <pre>{@code
 * SyncSession session = SyncSession.builder(doc).awareness(awareness).build();
 * session.attach(Transports.connect(URI.create("ws://example.com/room")));
 * // ... later, after the connection dropped:
 * session.attach(newTransport);   // resyncs by state vectors: nothing made offline is lost
 * }</pre>
 *
 * <h2>Protocol</h2>
 * On {@link #attach} both sides send sync step 1 (their state vector) and answer the other's with
 * sync step 2 (what it lacks); a side that sees in a step 1 that the peer is ahead of it answers
 * with its own step 1 as well, so a one-sided {@link #resync()} repairs loss in both directions; the first step 2 received makes the session {@linkplain #isSynced()
 * synced}. Then every document update not received from this peer is sent as an update message,
 * and every awareness update likewise. After a reconnect the same handshake resends exactly what
 * either side missed, so updates made while offline, or lost in transit, are recovered. {@link
 * #resync()} repeats the handshake on a live connection.
 *
 * <h2>Backpressure</h2>
 * Outbound messages go through a bounded queue; see {@link SessionLimits}. A peer that cannot keep
 * up is disconnected with a {@link SlowPeerException}, and recovers everything when it returns.
 *
 * <h2>Errors</h2>
 * A malformed message ({@link dev.weft.crdt.encoding.DecodingException}) changes nothing and closes
 * the connection. A read-only session drops incoming sync step 2 and update messages (counted by
 * {@link #rejectedUpdates()}), as y-websocket's PROTOCOL.md prescribes.
 *
 * <h2>Threads</h2>
 * The document and the awareness are touched only while holding the session's lock, which is the
 * document's monitor unless {@link Builder#lock} says otherwise. Edit the document under the same
 * lock: {@code synchronized (doc) { ... }}.
 */
public final class SyncSession implements AutoCloseable {
  private final Doc doc;
  private final Awareness awareness;
  private final Object lock;
  private final boolean readOnly;
  private final boolean server;
  private final SessionLimits limits;
  private final Ticker ticker;
  private final SessionListener listener;
  private final Subscription docSubscription;
  private final Subscription awarenessSubscription;
  private Connection current;
  private long rejected;
  private boolean closed;

  /** One transport's worth of state. */
  private final class Connection implements Transport.Receiver {
    final Transport transport;
    final OutboundQueue out;
    /** Clients whose awareness arrived through this connection; removed when it closes. */
    final Set<Long> controlled = new LinkedHashSet<>();
    boolean synced;

    Connection(Transport transport) {
      this.transport = transport;
      this.out = new OutboundQueue(lock, transport, limits, ticker, cause -> drop(this, cause));
    }

    @Override
    public void onMessage(byte[] message) {
      synchronized (lock) {
        if (current == this) {
          try {
            receive(this, Message.decode(message));
          } catch (RuntimeException e) {
            drop(this, e);
          }
        }
      }
    }

    @Override
    public void onClose(Throwable cause) {
      synchronized (lock) {
        if (current == this) {
          drop(this, cause);
        }
      }
    }
  }

  private SyncSession(Builder b) {
    this.doc = b.doc;
    this.awareness = b.awareness;
    this.lock = b.lock == null ? b.doc : b.lock;
    this.readOnly = b.readOnly;
    this.server = b.server;
    this.limits = b.limits;
    this.ticker = b.ticker;
    this.listener = b.listener;
    this.docSubscription = doc.onUpdate((update, origin, tx) -> {
      if (origin != this) {
        send(new Message.SyncUpdate(update));
      }
    });
    this.awarenessSubscription = awareness == null ? () -> {} : awareness.onUpdate(this::awarenessChanged);
  }

  public static Builder builder(Doc doc) {
    return new Builder(doc);
  }

  /**
   * Connects through {@code transport} and starts the handshake.
   *
   * @throws IllegalStateException if a transport is attached or the session is closed
   */
  public void attach(Transport transport) {
    Objects.requireNonNull(transport, "transport");
    Connection c;
    synchronized (lock) {
      if (closed || current != null) {
        throw new IllegalStateException("session is " + (closed ? "closed" : "already attached"));
      }
      c = new Connection(transport);
      current = c;
      transport.start(c);
      c.out.offer(new Message.SyncStep1(doc.encodeStateVector()));
      if (awareness != null) {
        if (server) {
          AwarenessUpdate all = awareness.encodeAll();
          if (!all.entries().isEmpty()) {
            c.out.offer(new Message.AwarenessMessage(all));
          }
        } else {
          awareness.renew(); // a newer clock than whatever the peer last saw from us
        }
      }
    }
  }

  /** Repeats the handshake on the live connection and asks for every awareness state. */
  public void resync() {
    synchronized (lock) {
      if (current != null) {
        current.out.offer(new Message.SyncStep1(doc.encodeStateVector()));
        if (awareness != null) {
          if (!server) {
            awareness.renew();
          }
          current.out.offer(new Message.QueryAwareness());
        }
      }
    }
  }

  /** Runs timeouts: awareness renewal and expiry, and the stalled-peer check. Call every few seconds. */
  public void maintain() {
    synchronized (lock) {
      if (awareness != null) {
        awareness.checkTimeouts();
      }
      if (current != null) {
        current.out.checkStall();
      }
    }
  }

  /** Closes the current connection, if any; the session can be attached again. */
  public void detach() {
    synchronized (lock) {
      if (current != null) {
        drop(current, null);
      }
    }
  }

  /** Detaches and stops listening to the document and awareness for good. */
  @Override
  public void close() {
    synchronized (lock) {
      detach();
      closed = true;
      docSubscription.close();
      awarenessSubscription.close();
    }
  }

  public Doc doc() {
    return doc;
  }

  /** The awareness, or null if this session carries none. */
  public Awareness awareness() {
    return awareness;
  }

  public boolean isAttached() {
    synchronized (lock) {
      return current != null;
    }
  }

  /** Whether the current connection has received a sync step 2. */
  public boolean isSynced() {
    synchronized (lock) {
      return current != null && current.synced;
    }
  }

  /** Update messages dropped because the session is read-only. */
  public long rejectedUpdates() {
    synchronized (lock) {
      return rejected;
    }
  }

  /** Messages waiting in the current connection's outbound queue (not yet handed to the transport). */
  public int queuedMessages() {
    synchronized (lock) {
      return current == null ? 0 : current.out.queued();
    }
  }

  /** How often the current connection's queue was coalesced. */
  public int coalescings() {
    synchronized (lock) {
      return current == null ? 0 : current.out.coalescings();
    }
  }

  private void send(Message m) {
    synchronized (lock) {
      if (current != null) {
        current.out.offer(m);
      }
    }
  }

  private void awarenessChanged(AwarenessChange change) {
    // A server echoes a peer's own awareness back to it, as y-websocket's server does: Yjs
    // clients reconnect when nothing arrives for 30 s, and their renewals are what arrives.
    if (current == null || (change.origin() == this && !server)) {
      return;
    }
    List<Long> clients = new ArrayList<>(change.added());
    clients.addAll(change.updated());
    clients.addAll(change.removed());
    send(new Message.AwarenessMessage(awareness.encode(clients)));
  }

  private void receive(Connection c, Message m) {
    if (m instanceof Message.SyncStep1 s) {
      c.out.offer(new Message.SyncStep2(doc.encodeStateAsUpdate(s.stateVector())));
      byte[] ours = doc.encodeStateVector();
      if (!readOnly && StateVectorOrder.isAhead(s.stateVector(), ours)) {
        c.out.offer(new Message.SyncStep1(ours)); // the peer has more: ask for it (ends when equal)
      }
    } else if (m instanceof Message.SyncStep2 s) {
      applyRemote(s.update());
      if (!c.synced && current == c) {
        c.synced = true;
        listener.onSynced(this);
      }
    } else if (m instanceof Message.SyncUpdate u) {
      applyRemote(u.update());
    } else if (m instanceof Message.AwarenessMessage a) {
      if (awareness != null) {
        track(c, a.update());
        awareness.apply(a.update(), this);
      }
    } else if (m instanceof Message.QueryAwareness) {
      if (awareness != null) {
        c.out.offer(new Message.AwarenessMessage(awareness.encodeAll()));
      }
    } else if (m instanceof Message.PermissionDenied p) {
      listener.onPermissionDenied(this, p.reason());
    }
  }

  private void applyRemote(byte[] update) {
    if (readOnly) {
      rejected++;
    } else {
      doc.applyUpdate(update, this);
    }
  }

  /** Remembers which clients this peer speaks for (y-websocket's {@code controlledIds}). */
  private void track(Connection c, AwarenessUpdate u) {
    for (AwarenessUpdate.Entry e : u.entries()) {
      if (e.clientId() == awareness.clientId()) {
        continue;
      }
      if (e.state() == null) {
        c.controlled.remove(e.clientId());
      } else {
        c.controlled.add(e.clientId());
      }
    }
  }

  private void drop(Connection c, Throwable cause) {
    if (current != c) {
      return;
    }
    current = null;
    c.out.close();
    try {
      c.transport.close();
    } finally {
      if (awareness != null && !c.controlled.isEmpty()) {
        awareness.removeStates(new ArrayList<>(c.controlled), this);
      }
      listener.onClose(this, cause);
    }
  }

  /** Options of a {@link SyncSession}. */
  public static final class Builder {
    private final Doc doc;
    private Awareness awareness;
    private Object lock;
    private boolean readOnly;
    private boolean server;
    private SessionLimits limits = SessionLimits.DEFAULT;
    private Ticker ticker = Ticker.system();
    private SessionListener listener = new SessionListener() {};

    private Builder(Doc doc) {
      this.doc = Objects.requireNonNull(doc, "doc");
    }

    /** Carries awareness states too (its client id should be the document's). */
    public Builder awareness(Awareness awareness) {
      this.awareness = awareness;
      return this;
    }

    /** The monitor guarding the document and awareness; the document itself by default. */
    public Builder lock(Object lock) {
      this.lock = lock;
      return this;
    }

    /** Drops the peer's document updates (it may still read, and share awareness). */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /**
     * Server behaviour: on attach, send every awareness state known (a client sends only its own,
     * renewed), and never renew a local state.
     */
    public Builder serverSide(boolean server) {
      this.server = server;
      return this;
    }

    public Builder limits(SessionLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Time for the stalled-peer check. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    public Builder listener(SessionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public SyncSession build() {
      return new SyncSession(this);
    }
  }
}
