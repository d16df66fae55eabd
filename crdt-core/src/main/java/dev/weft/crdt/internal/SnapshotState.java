package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The engine's view of a snapshot: a state vector (what existed) and a delete set (what of it was
 * deleted). An item was visible at the snapshot when its client's clock had passed it and it was
 * not deleted yet. Items are runs of units, and a snapshot may cut a run: {@link #splitAt} splits
 * the runs at the snapshot's boundaries so that each item is wholly visible or wholly not.
 *
 * @param ds the deleted ranges at the snapshot (sorted and merged)
 * @param sv for each client, the clock it had reached
 */
public record SnapshotState(DeleteSet ds, TreeMap<Long, Long> sv) {
  private static Function<Object, SnapshotState> accessor;

  /** Set once by the public {@code Snapshot} class. */
  public static void setAccessor(Function<Object, SnapshotState> a) {
    accessor = a;
  }

  /** The state behind a public {@code Snapshot}. */
  public static SnapshotState of(Object publicSnapshot) {
    try {
      Class.forName("dev.weft.crdt.Snapshot", true, SnapshotState.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return accessor.apply(publicSnapshot);
  }

  /** Whether the (whole) item was visible at this snapshot. */
  public boolean isVisible(Item item) {
    Long clock = sv.get(item.client);
    return clock != null && clock > item.clock && !ds.contains(item.id());
  }

  /** Splits the items of {@code doc} at the boundaries of this snapshot, within {@code txn}. */
  public void splitAt(Txn txn) {
    StructStore store = txn.doc.store;
    for (Map.Entry<Long, Long> e : sv.entrySet()) {
      if (e.getValue() < store.getState(e.getKey())) {
        store.getItemCleanStart(txn, new Id(e.getKey(), e.getValue()));
      }
    }
    StructIteration.iterateDeleted(txn, ds, s -> {});
  }

  /** The snapshot's state: the struct store of {@code doc} cut at {@link #sv}, then {@link #ds}. */
  public byte[] encodeAsUpdate(Txn txn) {
    StructStore store = txn.doc.store;
    UpdateEncoderV1 enc = new UpdateEncoderV1();
    TreeMap<Long, Long> present = new TreeMap<>();
    for (Map.Entry<Long, Long> e : sv.entrySet()) {
      if (e.getValue() > 0) {
        if (e.getValue() > store.getState(e.getKey())) {
          throw new IllegalArgumentException("the snapshot knows more of client " + e.getKey()
              + " than the document does");
        }
        present.put(e.getKey(), e.getValue());
      }
    }
    enc.rest().writeVarUint(present.size());
    for (Map.Entry<Long, Long> e : present.descendingMap().entrySet()) {
      long client = e.getKey();
      long clock = e.getValue();
      if (clock < store.getState(client)) {
        store.getItemCleanStart(txn, new Id(client, clock));
      }
      ArrayList<Struct> structs = store.clients.get(client);
      int last = StructStore.findIndex(structs, clock - 1);
      enc.rest().writeVarUint(last + 1);
      enc.writeClient(client);
      enc.rest().writeVarUint(0);
      for (int i = 0; i <= last; i++) {
        structs.get(i).write(enc, 0);
      }
    }
    ds.write(enc);
    return enc.toByteArray();
  }
}
