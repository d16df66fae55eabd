package dev.weft.crdt;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.DeleteSet;
import dev.weft.crdt.internal.Id;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.Redo;
import dev.weft.crdt.internal.SequenceOps;
import dev.weft.crdt.internal.StructIteration;
import dev.weft.crdt.internal.Txn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reverting a {@link StackItem} (Yjs's {@code popStackItem} body): the content the step inserted
 * is deleted (following re-creations to the current copies), the content it deleted is re-created
 * as copies, except what the step itself inserted and deleted again. Plus the delete-set and
 * changed-type bookkeeping the manager needs.
 */
final class StackItems {
  private StackItems() {}

  /** Reverts one step inside {@code txn}; returns whether anything changed. */
  static boolean revert(Txn txn, StackItem stackItem, Predicate<Item> inScope,
      Predicate<UndoManager.DeletionCandidate> deleteFilter, Redo.Stacks stacks) {
    Set<Item> toRedo = new LinkedHashSet<>();
    List<Item> toDelete = new ArrayList<>();
    boolean changed = false;
    StructIteration.iterateDeleted(txn, stackItem.insertions, st -> {
      if (st instanceof Item item) {
        if (item.redone() != null) {
          int[] diff = new int[1];
          dev.weft.crdt.internal.Struct s = Redo.followRedone(txn.doc.store, item.id(), diff);
          if (diff[0] > 0) {
            s = txn.doc.store.getItemCleanStart(txn, new Id(s.client, s.clock + diff[0]));
          }
          if (!(s instanceof Item redoneItem)) {
            return;
          }
          item = redoneItem;
        }
        if (!item.deleted() && inScope.test(item)) {
          toDelete.add(item);
        }
      }
    });
    StructIteration.iterateDeleted(txn, stackItem.deletions, st -> {
      if (st instanceof Item item && inScope.test(item) && !stackItem.insertions.contains(item.id())) {
        toRedo.add(item);
      }
    });
    for (Item item : toRedo) {
      changed = Redo.redoItem(txn, item, toRedo, stackItem.insertions, stacks) != null || changed;
    }
    for (int i = toDelete.size() - 1; i >= 0; i--) {
      Item item = toDelete.get(i);
      if (deleteFilter.test(candidate(item))) {
        item.delete(txn);
        changed = true;
      }
    }
    return changed;
  }

  static boolean anyDeletes(List<StackItem> stack, Id id) {
    for (StackItem s : stack) {
      if (s.deletions.contains(id)) {
        return true;
      }
    }
    return false;
  }

  private static UndoManager.DeletionCandidate candidate(Item item) {
    List<Object> values = new ArrayList<>();
    for (Object v : item.content.values()) {
      values.add(SequenceOps.publicValue(v));
    }
    return new UndoManager.DeletionCandidate(item.parent.view(), item.parentSub, Collections.unmodifiableList(values));
  }

  /** The union of two delete sets, remembering in which order their clients first appeared. */
  static DeleteSet merge(DeleteSet a, DeleteSet b) {
    DeleteSet m = new DeleteSet();
    for (DeleteSet ds : List.of(a, b)) {
      Set<Long> order = new LinkedHashSet<>(ds.addOrder());
      order.retainAll(ds.clients().keySet());
      order.addAll(ds.clients().keySet());
      for (Long client : order) {
        for (DeleteSet.Range r : ds.clients().get(client)) {
          m.add(client, r.clock(), r.length());
        }
      }
    }
    return m.sortAndMerge();
  }

  /** Yjs's {@code changedParentTypes}: every changed type that is not deleted, with its ancestors. */
  static Set<Branch> changedParentTypes(Txn txn) {
    Set<Branch> out = new LinkedHashSet<>();
    for (Branch type : txn.changed().keySet()) {
      if (type.item != null && type.item.deleted()) {
        continue;
      }
      for (Branch b = type; b != null; b = b.parentBranch()) {
        out.add(b);
      }
    }
    return out;
  }

  static Set<SharedType> views(Set<Branch> branches) {
    Set<SharedType> out = new LinkedHashSet<>();
    for (Branch b : branches) {
      out.add(b.view());
    }
    return Collections.unmodifiableSet(out);
  }
}
