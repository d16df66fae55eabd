package dev.weft.crdt;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.SequenceOps;
import dev.weft.crdt.internal.Txn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one transaction changed in one type: a delta over its sequence and the map keys that
 * changed. Both are computed when the event is created, while the transaction's items are still
 * as it left them.
 */
public class YEvent {
  private final SharedType target;
  private final Transaction transaction;
  private final Map<String, KeyChange> keys;
  private final List<Delta> delta;

  protected YEvent(SharedType target, Transaction transaction, Set<String> keysChanged) {
    this.target = target;
    this.transaction = transaction;
    Txn txn = transaction.internal();
    this.keys = Collections.unmodifiableMap(computeKeys(txn, target.branch, keysChanged));
    this.delta = keysChanged.contains(null) ? Collections.unmodifiableList(computeDelta(txn, target.branch)) : List.of();
  }

  /** The type that changed. */
  public SharedType target() {
    return target;
  }

  public Transaction transaction() {
    return transaction;
  }

  /** Changed map keys: added, updated or deleted, with the previous value. */
  public Map<String, KeyChange> keys() {
    return keys;
  }

  /** The sequence change as retain / insert / delete steps (empty if only keys changed). */
  public List<Delta> delta() {
    return delta;
  }

  /** The engine's transaction, for subclasses computing refined deltas. */
  protected final Txn txn() {
    return transaction.internal();
  }

  private static Object lastValue(Item item) {
    List<Object> v = item.content.values();
    return v.isEmpty() ? null : SequenceOps.publicValue(v.get(v.size() - 1));
  }

  private static Map<String, KeyChange> computeKeys(Txn txn, Branch b, Set<String> keysChanged) {
    Map<String, KeyChange> out = new LinkedHashMap<>();
    for (String key : keysChanged) {
      if (key == null) {
        continue;
      }
      Item item = b.map.get(key);
      if (item == null) {
        continue;
      }
      if (txn.adds(item)) {
        Item prev = item.left;
        while (prev != null && txn.adds(prev)) {
          prev = prev.left;
        }
        if (txn.deletes(item)) {
          if (prev != null && txn.deletes(prev)) {
            out.put(key, new KeyChange(KeyChange.Action.DELETE, lastValue(prev)));
          }
        } else if (prev != null && txn.deletes(prev)) {
          out.put(key, new KeyChange(KeyChange.Action.UPDATE, lastValue(prev)));
        } else {
          out.put(key, new KeyChange(KeyChange.Action.ADD, null));
        }
      } else if (txn.deletes(item)) {
        out.put(key, new KeyChange(KeyChange.Action.DELETE, lastValue(item)));
      }
    }
    return out;
  }

  private static List<Delta> computeDelta(Txn txn, Branch b) {
    List<Delta> out = new ArrayList<>();
    int retain = 0;
    int deleted = 0;
    List<Object> inserted = null;
    for (Item item = b.start; item != null; item = item.right) {
      char kind;
      if (item.deleted()) {
        if (!(txn.deletes(item) && !txn.adds(item))) {
          continue;
        }
        kind = 'd';
      } else {
        kind = txn.adds(item) ? 'i' : 'r';
      }
      if (kind != 'd' && deleted > 0) {
        out.add(new Delta.Delete(deleted));
        deleted = 0;
      }
      if (kind != 'i' && inserted != null) {
        out.add(new Delta.Insert(inserted));
        inserted = null;
      }
      if (kind != 'r' && retain > 0) {
        out.add(new Delta.Retain(retain));
        retain = 0;
      }
      switch (kind) {
        case 'd' -> deleted += item.length;
        case 'r' -> retain += item.length;
        default -> {
          if (inserted == null) {
            inserted = new ArrayList<>();
          }
          for (Object v : item.content.values()) {
            inserted.add(SequenceOps.publicValue(v));
          }
        }
      }
    }
    if (deleted > 0) {
      out.add(new Delta.Delete(deleted));
    }
    if (inserted != null) {
      out.add(new Delta.Insert(inserted));
    }
    return out;
  }
}
