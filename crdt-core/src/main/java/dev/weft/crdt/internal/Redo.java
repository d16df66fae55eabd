package dev.weft.crdt.internal;

import java.util.List;
import java.util.Set;

/**
 * Re-creating deleted content for undo and redo (Yjs's {@code redoItem}, {@code followRedone},
 * {@code keepItem}).
 *
 * <p>A CRDT cannot resurrect a deleted item: every replica would have to agree on the
 * resurrection, and concurrent deletions would make that ambiguous. Undoing a deletion therefore
 * inserts a <em>copy</em> of the deleted content at the place the original had, as a new item of
 * the local client, and records in the original's {@link Item#redone} where the copy went. Later
 * undo steps that refer to the original follow that link (possibly through several copies), so
 * undoing an insertion that was itself re-created deletes the copy.
 *
 * <p>Placement: a sequence copy goes between the nearest neighbours of the original that still
 * live in the same parent (following their own copies when the parent itself was re-created). A
 * map value is only re-created when no other client has set the key since, so an undo never
 * overwrites someone else's change; the rule "never revert other users' edits" falls out of
 * undoing only the ranges this client inserted and deleted.
 */
public final class Redo {
  private Redo() {}

  /** The struct holding {@code id}, following re-creations; {@code diff[0]} gets the offset in it. */
  public static Struct followRedone(StructStore store, Id id, int[] diff) {
    Id next = id;
    int d = 0;
    Struct s;
    do {
      if (d > 0) {
        next = new Id(next.client(), next.clock() + d);
      }
      s = store.find(next);
      d = (int) (next.clock() - s.clock);
      next = s instanceof Item i ? i.redone() : null;
    } while (next != null);
    diff[0] = d;
    return s;
  }

  /** Marks {@code item} and the items of all its parent types as (not) to be kept by GC. */
  public static void keepItem(Item item, boolean keep) {
    while (item != null && item.keep() != keep) {
      item.setKeep(keep);
      item = item.parent == null ? null : item.parent.item;
    }
  }

  /** Whether {@code item} lies (at any depth) inside {@code type}. */
  public static boolean isParentOf(Branch type, Item item) {
    while (item != null) {
      if (item.parent == type) {
        return true;
      }
      item = item.parent == null ? null : item.parent.item;
    }
    return false;
  }

  /** The owner of the choices {@link #redoItem} makes for map values. */
  public interface Stacks {
    /** Whether a delete set of a stack item deletes {@code id}. */
    boolean deletedByAStack(Id id);

    /** Whether remote map changes may be overwritten. */
    boolean ignoreRemoteMapChanges();
  }

  /**
   * Re-creates the deleted {@code item} (see the class comment); returns the copy, or null when it
   * cannot be re-created (its parent is gone for good, or another client changed the map key).
   */
  public static Item redoItem(Txn txn, Item item, Set<Item> redoItems, DeleteSet itemsToDelete, Stacks stacks) {
    StructStore store = txn.doc.store;
    if (item.redone() != null) {
      return (Item) store.getItemCleanStart(txn, item.redone());
    }
    Item parentItem = item.parent.item;
    if (parentItem != null && parentItem.deleted()) {
      if (parentItem.redone() == null
          && (!redoItems.contains(parentItem) || redoItem(txn, parentItem, redoItems, itemsToDelete, stacks) == null)) {
        return null;
      }
      while (parentItem.redone() != null) {
        parentItem = (Item) store.getItemCleanStart(txn, parentItem.redone());
      }
    }
    Branch parentType = parentItem == null ? item.parent : ((TypeContent) parentItem.content).type();
    Item left = null;
    Item right;
    if (item.parentSub == null) {
      left = item.left;
      right = item;
      while (left != null) {
        Item trace = trace(txn, left, parentItem);
        if (trace != null) {
          left = trace;
          break;
        }
        left = left.left;
      }
      while (right != null) {
        Item trace = trace(txn, right, parentItem);
        if (trace != null) {
          right = trace;
          break;
        }
        right = right.right;
      }
    } else {
      right = null;
      if (item.right != null && !stacks.ignoreRemoteMapChanges()) {
        left = item;
        while (left != null && left.right != null
            && (left.right.redone() != null || itemsToDelete.contains(left.right.id())
                || stacks.deletedByAStack(left.right.id()))) {
          left = left.right;
          while (left.redone() != null) {
            left = (Item) store.getItemCleanStart(txn, left.redone());
          }
        }
        if (left != null && left.right != null) {
          // another client changed the key since: leave its value alone
          return null;
        }
      } else {
        left = parentType.map.get(item.parentSub);
      }
      if (left != null && left.parent.item != parentItem) {
        left = parentType.map.get(item.parentSub);
      }
    }
    long client = txn.doc.clientId;
    Id nextId = new Id(client, store.getState(client));
    Item copy = new Item(nextId.client(), nextId.clock(), left == null ? null : left.lastId(),
        right == null ? null : right.id(), item.content.copy());
    copy.left = left;
    copy.right = right;
    copy.parent = parentType;
    copy.parentSub = item.parentSub;
    item.setRedone(nextId);
    keepItem(copy, true);
    copy.integrate(txn, 0);
    return copy;
  }

  /** {@code start} or the copy it was re-created as, whichever lives in {@code parentItem}'s type. */
  private static Item trace(Txn txn, Item start, Item parentItem) {
    Item t = start;
    while (t != null && t.parent.item != parentItem) {
      t = t.redone() == null ? null : (Item) txn.doc.store.getItemCleanStart(txn, t.redone());
    }
    return t;
  }

  /** Whether any of the delete sets contains {@code id}. */
  public static boolean anyContains(List<DeleteSet> sets, Id id) {
    for (DeleteSet ds : sets) {
      if (ds.contains(id)) {
        return true;
      }
    }
    return false;
  }
}
