package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading a type as it was at a snapshot (Yjs's {@code typeListToArraySnapshot} and
 * {@code typeMapGetAllSnapshot}), on a document that kept its deleted content. Unlike those, runs
 * of items that a snapshot cuts are read only up to the cut, so the result always equals the
 * document that {@code createDocFromSnapshot} rebuilds.
 */
public final class SnapshotViews {
  private SnapshotViews() {}

  /**
   * Runs {@code read} in a transaction in which the items of the type's document are split at the
   * snapshot's boundaries (they are merged again when it ends).
   */
  public static <T> T read(Branch type, SnapshotState snapshot, Function<Txn, T> read) {
    if (type.doc == null) {
      throw new IllegalStateException("insert the type into a document before reading it");
    }
    List<T> out = new ArrayList<>(1);
    Transactions.transact(type.doc, txn -> {
      snapshot.splitAt(txn);
      out.add(read.apply(txn));
    }, "cleanup", true);
    return out.get(0);
  }

  /** The sequence values visible at the snapshot (nested types as internal branches). */
  public static List<Object> list(Branch type, SnapshotState snapshot) {
    return read(type, snapshot, txn -> {
      List<Object> out = new ArrayList<>();
      for (Item n = type.start; n != null; n = n.right) {
        if (n.countable() && snapshot.isVisible(n)) {
          out.addAll(n.content.values());
        }
      }
      return out;
    });
  }

  /** The map entries visible at the snapshot, keys in the type's order. */
  public static Map<String, Object> map(Branch type, SnapshotState snapshot) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Item> e : type.map.entrySet()) {
      Item v = e.getValue();
      while (v != null && (!snapshot.sv().containsKey(v.client) || v.clock >= snapshot.sv().get(v.client))) {
        v = v.left;
      }
      if (v != null) {
        // deleted values of one client merge into runs: the value at the snapshot is the run's
        // last unit the snapshot knew (Yjs reads the run's last unit, which may be newer)
        int last = (int) Math.min(v.length - 1, snapshot.sv().get(v.client) - v.clock - 1);
        if (!snapshot.ds().contains(new Id(v.client, v.clock + last))) {
          out.put(e.getKey(), v.content.values().get(last));
        }
      }
    }
    return out;
  }
}
