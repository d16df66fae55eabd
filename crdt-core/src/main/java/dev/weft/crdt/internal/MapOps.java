package dev.weft.crdt.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local edits of a type's map entries. Each value is its own item with the key as parentSub; its
 * origin is the key's previous value, so concurrent sets of one key are ordered like concurrent
 * inserts, and the rightmost value wins.
 */
public final class MapOps {
  private MapOps() {}

  public static void set(Txn txn, Branch parent, String key, Object value) {
    Item left = parent.map.get(key);
    Id id = SequenceOps.nextId(txn);
    Item item = new Item(id.client(), id.clock(), left == null ? null : left.lastId(), null,
        SequenceOps.contentOf(value));
    item.left = left;
    item.parent = parent;
    item.parentSub = key;
    item.integrate(txn, 0);
  }

  public static void delete(Txn txn, Branch parent, String key) {
    Item item = parent.map.get(key);
    if (item != null) {
      item.delete(txn);
    }
  }

  /** The current value of {@code key}, or null when absent. */
  public static Object get(Branch parent, String key) {
    Item item = parent.map.get(key);
    if (item == null || item.deleted()) {
      return null;
    }
    return SequenceOps.publicValue(item.content.values().get(item.length - 1));
  }

  public static boolean has(Branch parent, String key) {
    Item item = parent.map.get(key);
    return item != null && !item.deleted();
  }

  /** The live entries, in order of first insertion. */
  public static Map<String, Object> entries(Branch parent) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Item> e : parent.map.entrySet()) {
      Item item = e.getValue();
      if (!item.deleted()) {
        out.put(e.getKey(), SequenceOps.publicValue(item.content.values().get(item.length - 1)));
      }
    }
    return out;
  }
}
