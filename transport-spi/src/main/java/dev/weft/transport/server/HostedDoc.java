package dev.weft.transport.server;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Subscription;
import dev.weft.crdt.Updates;
import dev.weft.transport.SessionLimits;
import dev.weft.transport.SessionListener;
import dev.weft.transport.SyncSession;
import dev.weft.transport.Ticker;
import dev.weft.transport.Transport;
import dev.weft.transport.awareness.Awareness;
import dev.weft.transport.store.DocumentStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One loaded document of a {@link SyncHub}: the document, its awareness and its peers. Its monitor
 * guards all of them; every update is appended to the store before it is forwarded to peers.
 */
final class HostedDoc {
  /** Origin of the transaction that replays the stored updates. */
  private static final Object LOADING = new Object();

  final String name;
  final Doc doc;
  final Awareness awareness;
  private final DocumentStore store;
  private final Ticker ticker;
  private final Subscription persistence;
  private final Set<SyncSession> peers = new LinkedHashSet<>();
  private long idleSince;
  private IOException failure;

  private HostedDoc(String name, Doc doc, DocumentStore store, Ticker ticker) {
    this.name = name;
    this.doc = doc;
    this.store = store;
    this.ticker = ticker;
    this.awareness = new Awareness(doc.clientId(), ticker);
    this.idleSince = ticker.millis();
    // registered before any session, so it runs first: persisted, then forwarded
    this.persistence = doc.onUpdate((update, origin, tx) -> persist(update, origin));
  }

  static HostedDoc load(String name, Doc doc, DocumentStore store, Ticker ticker) throws IOException {
    List<byte[]> stored = store.load(name);
    HostedDoc h = new HostedDoc(name, doc, store, ticker);
    if (!stored.isEmpty()) {
      synchronized (h) {
        doc.applyUpdate(stored.size() == 1 ? stored.get(0) : Updates.mergeUpdates(stored), LOADING);
      }
    }
    return h;
  }

  private void persist(byte[] update, Object origin) {
    if (origin == LOADING || failure != null) {
      return;
    }
    try {
      store.append(name, update);
    } catch (IOException e) {
      // Not acknowledged: drop everyone. Peers keep the update and resend it when they resync
      // with a freshly loaded copy.
      failure = e;
      for (SyncSession s : new ArrayList<>(peers)) {
        s.detach();
      }
    }
  }

  synchronized void join(Transport transport, boolean readOnly, SessionLimits limits) {
    SyncSession session = SyncSession.builder(doc)
        .awareness(awareness)
        .lock(this)
        .serverSide(true)
        .readOnly(readOnly)
        .limits(limits)
        .ticker(ticker)
        .listener(new SessionListener() {
          @Override
          public void onClose(SyncSession s, Throwable cause) {
            leave(s);
          }
        })
        .build();
    peers.add(session);
    session.attach(transport);
  }

  private synchronized void leave(SyncSession s) {
    if (peers.remove(s)) {
      s.close();
      if (peers.isEmpty()) {
        idleSince = ticker.millis();
      }
    }
  }

  /** Runs timeouts; returns whether the document should be unloaded. */
  synchronized boolean maintain(long idleMillis) {
    awareness.checkTimeouts();
    for (SyncSession s : new ArrayList<>(peers)) {
      s.maintain();
    }
    return failure != null || (peers.isEmpty() && ticker.millis() - idleSince >= idleMillis);
  }

  synchronized boolean failed() {
    return failure != null;
  }

  synchronized int peerCount() {
    return peers.size();
  }

  /** Disconnects every peer and stops persisting. */
  synchronized void unload() {
    for (SyncSession s : new ArrayList<>(peers)) {
      s.detach();
    }
    persistence.close();
  }
}
