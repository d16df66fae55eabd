package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs transactions and what follows them. When the outermost transaction ends, in order:
 * observers are called; deleted content is garbage-collected (if enabled); structs split during
 * the transaction and deleted neighbours are merged back into runs; then the transaction's update
 * (the structs it added and the ranges it deleted) is encoded and handed to update listeners.
 * Collecting and merging before encoding is what makes the update byte-identical to Yjs's.
 */
public final class Transactions {
  private static final List<Consumer<Txn>> CLEANUP_HOOKS = new java.util.concurrent.CopyOnWriteArrayList<>();

  private Transactions() {}

  /**
   * Adds work that runs after the observers of every finished transaction and before garbage
   * collection (text uses it to clean up formatting after concurrent edits).
   */
  public static void addCleanupHook(Consumer<Txn> hook) {
    CLEANUP_HOOKS.add(hook);
  }

  /** Runs {@code body} in a transaction, joining the one in progress if there is one. */
  public static void transact(DocState doc, Consumer<Txn> body, Object origin, boolean local) {
    boolean outermost = false;
    if (doc.transaction == null) {
      outermost = true;
      doc.transaction = new Txn(doc, origin, local);
      doc.cleanups.add(doc.transaction);
    }
    try {
      body.accept(doc.transaction);
    } finally {
      if (outermost) {
        boolean finishCleanup = doc.transaction == doc.cleanups.get(0);
        doc.transaction = null;
        if (finishCleanup) {
          cleanup(doc);
        }
      }
    }
  }

  private static void cleanup(DocState doc) {
    List<Txn> cleanups = doc.cleanups;
    RuntimeException failure = null;
    try {
      for (int i = 0; i < cleanups.size(); i++) {
        Txn txn = cleanups.get(i);
        txn.deleteSet.sortAndMerge();
        txn.freezeAfterState();
        try {
          if (txn.grewInPlace && doc.events.wantsEvents(txn)) {
            // events tell this transaction's content from older content by item
            doc.store.getItemCleanStart(txn, doc.clientId, txn.beforeState(doc.clientId));
          }
          doc.events.fireObservers(txn);
          for (Consumer<Txn> hook : CLEANUP_HOOKS) {
            hook.accept(txn);
          }
        } catch (RuntimeException e) {
          // every transaction is still finished and its update emitted; the first failure is rethrown
          failure = failure == null ? e : failure;
        } finally {
          finish(doc, txn);
        }
      }
    } finally {
      cleanups.clear();
      doc.store.open.clear();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void finish(DocState doc, Txn txn) {
    StructStore store = doc.store;
    if (!txn.deleteSet.isEmpty()) {
      if (doc.gc) {
        collectDeleted(txn.deleteSet, store);
      }
      mergeDeleted(txn.deleteSet, store);
    }
    for (long client : txn.changedClients()) {
      ArrayList<Struct> structs = store.structs(client);
      int firstChange = Math.max(store.indexOf(structs, txn.beforeState(client)), 1);
      for (int i = structs.size() - 1; i >= firstChange; ) {
        i -= 1 + mergeWithLefts(structs, i);
      }
    }
    // Items of a deleted type that were deleted before it become GC when it is collected, and are
    // in no delete range of this transaction. Yjs leaves some of them apart from equal neighbours,
    // so a replica that received the same history in another order could hold them joined; Weft
    // joins them always, so every replica encodes the same bytes.
    List<Struct> merge = txn.mergeStructs();
    if (!store.collected.isEmpty()) {
      merge = new ArrayList<>(merge);
      merge.addAll(store.collected);
      store.collected.clear();
    }
    for (int i = merge.size() - 1; i >= 0; i--) {
      Struct s = merge.get(i);
      ArrayList<Struct> structs = store.clients.get(s.client);
      int pos = store.indexOf(structs, s.clock);
      if (pos + 1 < structs.size() && mergeWithLefts(structs, pos + 1) > 1) {
        continue;
      }
      if (pos > 0) {
        mergeWithLefts(structs, pos);
      }
    }
    if (!txn.local && txn.afterState(doc.clientId) != txn.beforeState(doc.clientId)) {
      // another peer wrote with our client id: take a new one so our histories stay apart
      doc.renewClientId();
    }
    store.open.remove(txn);
    if (doc.events.wantsUpdates()) {
      byte[] update = UpdateWriter.transactionUpdate(txn);
      if (update != null) {
        doc.events.emitUpdate(txn, update);
      }
    }
    if (doc.events.wantsUpdatesV2()) {
      byte[] update = UpdatesV2.transactionUpdate(txn);
      if (update != null) {
        doc.events.emitUpdateV2(txn, update);
      }
    }
  }

  /** Replaces the content of deleted items by its length (or the items by GC, inside deleted types). */
  private static void collectDeleted(DeleteSet ds, StructStore store) {
    for (Map.Entry<Long, List<DeleteSet.Range>> e : ds.clients().entrySet()) {
      ArrayList<Struct> structs = store.clients.get(e.getKey());
      List<DeleteSet.Range> ranges = e.getValue();
      int from = structs.size() - 1; // ranges go right to left: each search starts where the last one was
      for (int di = ranges.size() - 1; di >= 0; di--) {
        DeleteSet.Range r = ranges.get(di);
        from = StructStore.findIndexFrom(structs, r.clock(), from);
        for (int si = from; si < structs.size(); si++) {
          Struct s = structs.get(si);
          if (s.clock >= r.end()) {
            break;
          }
          if (s instanceof Item item && item.deleted() && !item.keep()) {
            item.gc(store, false);
          }
        }
      }
    }
  }

  /** Merges deleted runs with their left neighbours, right to left. */
  private static void mergeDeleted(DeleteSet ds, StructStore store) {
    for (Map.Entry<Long, List<DeleteSet.Range>> e : ds.clients().entrySet()) {
      ArrayList<Struct> structs = store.clients.get(e.getKey());
      List<DeleteSet.Range> ranges = e.getValue();
      int si = structs.size() - 1; // ranges go right to left: each search starts where the last one ended
      for (int di = ranges.size() - 1; di >= 0; di--) {
        DeleteSet.Range r = ranges.get(di);
        si = Math.min(structs.size() - 1, 1 + StructStore.findIndexFrom(structs, r.end() - 1, Math.max(si, 0)));
        while (si > 0 && structs.get(si).clock >= r.clock()) {
          si -= 1 + mergeWithLefts(structs, si);
        }
      }
    }
  }

  /**
   * Merges {@code structs[pos]} into its left neighbours as far as possible; returns how many
   * structs were absorbed.
   */
  static int mergeWithLefts(ArrayList<Struct> structs, int pos) {
    Struct right = structs.get(pos);
    Struct left = structs.get(pos - 1);
    int i = pos;
    for (; i > 0; right = left, left = i - 2 >= 0 ? structs.get(i - 2) : null, i--) {
      if (left.deleted() == right.deleted() && left.getClass() == right.getClass() && left.mergeWith(right)) {
        if (right instanceof Item ri && ri.parentSub != null && ri.parent.map.get(ri.parentSub) == ri) {
          ri.parent.map.put(ri.parentSub, (Item) left);
        }
        continue;
      }
      break;
    }
    int merged = pos - i;
    if (merged > 0) {
      structs.subList(pos + 1 - merged, pos + 1).clear();
    }
    return merged;
  }
}
