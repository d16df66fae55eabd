package dev.weft.transport.testing;

import dev.weft.crdt.Doc;
import dev.weft.transport.SessionLimits;
import dev.weft.transport.SessionListener;
import dev.weft.transport.SyncSession;
import dev.weft.transport.Ticker;
import dev.weft.transport.awareness.Awareness;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A replica for tests: a document with a map named {@code "m"}, an awareness and a session, all
 * touched under the document's monitor as {@link SyncSession} requires.
 */
public final class SyncPeer {
  public final Doc doc;
  public final Awareness awareness;
  public final SyncSession session;
  private final AtomicInteger closes = new AtomicInteger();
  private volatile String denied;
  private volatile Throwable closeCause;

  public SyncPeer(long clientId, Ticker ticker, boolean serverSide) {
    this(clientId, ticker, serverSide, SessionLimits.DEFAULT);
  }

  public SyncPeer(long clientId, Ticker ticker, boolean serverSide, SessionLimits limits) {
    this.doc = new Doc(clientId);
    this.awareness = new Awareness(clientId, ticker);
    this.session = SyncSession.builder(doc)
        .awareness(awareness)
        .serverSide(serverSide)
        .ticker(ticker)
        .limits(limits)
        .listener(new SessionListener() {
          @Override
          public void onClose(SyncSession s, Throwable cause) {
            closeCause = cause;
            closes.incrementAndGet();
          }

          @Override
          public void onPermissionDenied(SyncSession s, String reason) {
            denied = reason;
          }
        })
        .build();
  }

  /** Sets {@code key} in the shared map, in one transaction. */
  public void set(String key, Object value) {
    synchronized (doc) {
      doc.getMap("m").set(key, value);
    }
  }

  public void setPresence(Object state) {
    synchronized (doc) {
      awareness.setLocalState(state);
    }
  }

  /** The shared map as JSON-like values. */
  public Map<String, Object> map() {
    synchronized (doc) {
      return doc.getMap("m").toJson();
    }
  }

  public byte[] stateVector() {
    synchronized (doc) {
      return doc.encodeStateVector();
    }
  }

  public Map<Long, Object> presence() {
    synchronized (doc) {
      return awareness.states();
    }
  }

  public void maintain() {
    session.maintain();
  }

  /** Whether this replica holds exactly what {@code other} holds (content and state vector). */
  public boolean sameAs(SyncPeer other) {
    return Arrays.equals(stateVector(), other.stateVector()) && map().equals(other.map());
  }

  /** How many connections of this peer's session have ended. */
  public int closes() {
    return closes.get();
  }

  /** Why the last connection ended (null for an orderly close). */
  public Throwable closeCause() {
    return closeCause;
  }

  /** The reason of the last permission-denied message, or null. */
  public String deniedReason() {
    return denied;
  }
}
