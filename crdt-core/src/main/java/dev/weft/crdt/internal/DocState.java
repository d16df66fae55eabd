package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The engine's side of a document: the struct store, the root types by name, the client id and
 * the transaction in progress. The public {@code Doc} is a thin facade over it.
 */
public final class DocState {
  /** The public object for this document. */
  public final Object api;
  /** Where observer calls and update events go once a transaction ends. */
  public final EventSink events;
  private final LongSupplier clientIds;
  public long clientId;
  /** Whether deleted content is collected at the end of each transaction. */
  public boolean gc = true;
  public final StructStore store = new StructStore();
  /** Root types by name, in order of creation. */
  public final LinkedHashMap<String, Branch> share = new LinkedHashMap<>();
  /** The outermost transaction in progress, or null. */
  public Txn transaction;
  /** Transactions whose cleanup has not run yet. */
  public final List<Txn> cleanups = new ArrayList<>();
  /**
   * The buffer transaction updates v1 are written into before they are copied out: one per
   * document (a document is confined to one thread), so a keystroke allocates only its update.
   */
  final dev.weft.crdt.encoding.Encoder updateBuffer = new dev.weft.crdt.encoding.Encoder(256);

  public DocState(Object api, EventSink events, LongSupplier clientIds) {
    this.api = api;
    this.events = events;
    this.clientIds = clientIds;
    this.clientId = clientIds.getAsLong();
  }

  /** Picks a new client id (after another peer was seen using ours). */
  public void renewClientId() {
    clientId = clientIds.getAsLong();
  }

  /** The root type named {@code name}, created untyped if it does not exist. */
  public Branch root(String name) {
    Branch b = share.get(name);
    if (b == null) {
      b = new Branch(TypeRef.UNKNOWN, null);
      b.rootName = name;
      b.doc = this;
      share.put(name, b);
    }
    return b;
  }

  /** Receives what a finished transaction produced. */
  public interface EventSink {
    /** Calls the observers of the changed types (before garbage collection). */
    void fireObservers(Txn txn);

    /** Whether {@link #fireObservers} has anyone to call for this transaction. */
    default boolean wantsEvents(Txn txn) {
      return true;
    }

    /** Whether anyone listens for updates, so the update need not be encoded otherwise. */
    boolean wantsUpdates();

    /** Delivers the transaction's update (v1). */
    void emitUpdate(Txn txn, byte[] update);

    /** Whether anyone listens for updates in format v2. */
    default boolean wantsUpdatesV2() {
      return false;
    }

    /** Delivers the transaction's update in format v2, after the v1 update. */
    default void emitUpdateV2(Txn txn, byte[] update) {}
  }
}
