package dev.weft.crdt;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.DocState;
import dev.weft.crdt.internal.Txn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Turns a finished transaction into observer calls and update events for the public API. */
final class DocEvents implements DocState.EventSink {
  private final Doc doc;

  DocEvents(Doc doc) {
    this.doc = doc;
  }

  static Transaction publicTransaction(Txn txn) {
    if (txn.view == null) {
      txn.view = new Transaction(txn);
    }
    return (Transaction) txn.view;
  }

  @Override
  public boolean wantsEvents(Txn txn) {
    return txn.anyChanged(DocEvents::isObserved);
  }

  @Override
  public void fireObservers(Txn txn) {
    if (!wantsEvents(txn)) {
      return; // nobody to tell: skip building events
    }
    Transaction tx = publicTransaction(txn);
    Map<Branch, List<YEvent>> deep = new LinkedHashMap<>();
    RuntimeException failure = null;
    for (Map.Entry<Branch, Set<String>> e : txn.changed().entrySet()) {
      Branch type = e.getKey();
      if (type.item != null && type.item.deleted()) {
        continue;
      }
      if (!isObserved(type)) {
        continue;
      }
      YEvent event = type.view().createEvent(tx, e.getValue());
      for (Consumer<Object> o : new ArrayList<>(type.observers)) {
        failure = call(o, event, failure);
      }
      for (Branch b = type; b != null; b = b.parentBranch()) {
        if (!b.deepObservers.isEmpty()) {
          deep.computeIfAbsent(b, k -> new ArrayList<>()).add(event);
        }
      }
    }
    for (Map.Entry<Branch, List<YEvent>> e : deep.entrySet()) {
      Branch type = e.getKey();
      if (type.item != null && type.item.deleted()) {
        continue;
      }
      for (Consumer<Object> o : new ArrayList<>(type.deepObservers)) {
        failure = call(o, e.getValue(), failure);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static boolean isObserved(Branch type) {
    return !type.observers.isEmpty() || hasDeepObserver(type);
  }

  private static RuntimeException call(Consumer<Object> o, Object arg, RuntimeException failure) {
    try {
      o.accept(arg);
    } catch (RuntimeException ex) {
      return failure == null ? ex : failure;
    }
    return failure;
  }

  private static boolean hasDeepObserver(Branch type) {
    for (Branch b = type; b != null; b = b.parentBranch()) {
      if (!b.deepObservers.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean wantsUpdates() {
    return !doc.updateListeners().isEmpty();
  }

  @Override
  public void emitUpdate(Txn txn, byte[] update) {
    deliver(doc.updateListeners(), txn, update);
  }

  /** Gives each listener its own copy of the update (the last one gets the original). */
  private void deliver(List<UpdateListener> listeners, Txn txn, byte[] update) {
    Transaction tx = publicTransaction(txn);
    int n = listeners.size();
    int i = 0;
    for (UpdateListener l : listeners) { // a snapshot: listeners may come and go meanwhile
      l.onUpdate(++i >= n ? update : update.clone(), txn.origin, tx);
    }
  }

  @Override
  public boolean wantsUpdatesV2() {
    return !doc.updateV2Listeners().isEmpty();
  }

  @Override
  public void emitUpdateV2(Txn txn, byte[] update) {
    deliver(doc.updateV2Listeners(), txn, update);
  }
}
