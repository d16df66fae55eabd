package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Visiting the structs of clock ranges (Yjs's {@code iterateStructs} and
 * {@code iterateDeletedStructs}): items are split at the range boundaries first, so every visited
 * struct lies entirely inside a range. Splits are recorded in the transaction and merged back when
 * it ends.
 */
public final class StructIteration {
  private StructIteration() {}

  /** Calls {@code f} with each struct of {@code client} covering {@code [clock, clock + len)}. */
  public static void iterate(Txn txn, ArrayList<Struct> structs, long clock, long len, Consumer<Struct> f) {
    if (len == 0) {
      return;
    }
    long end = clock + len;
    StructStore store = txn.doc.store;
    int index = store.findIndexCleanStart(txn, structs, clock);
    Struct s;
    do {
      s = structs.get(index++);
      if (end < s.end()) {
        store.findIndexCleanStart(txn, structs, end);
      }
      f.accept(s);
    } while (index < structs.size() && structs.get(index).clock < end);
  }

  /**
   * Calls {@code f} with each known struct in a range of {@code ds} (sorted and merged), clients
   * in the order the delete set first saw them (as Yjs iterates its maps).
   */
  public static void iterateDeleted(Txn txn, DeleteSet ds, Consumer<Struct> f) {
    java.util.LinkedHashSet<Long> order = new java.util.LinkedHashSet<>(ds.addOrder());
    order.retainAll(ds.clients().keySet());
    order.addAll(ds.clients().keySet());
    for (Long client : order) {
      Map.Entry<Long, List<DeleteSet.Range>> e = Map.entry(client, ds.clients().get(client));
      ArrayList<Struct> structs = txn.doc.store.clients.get(e.getKey());
      if (structs == null || structs.isEmpty()) {
        continue;
      }
      Struct last = structs.get(structs.size() - 1);
      long state = last.end();
      for (DeleteSet.Range r : e.getValue()) {
        if (r.clock() >= state) {
          break;
        }
        iterate(txn, structs, r.clock(), r.length(), f);
      }
    }
  }
}
