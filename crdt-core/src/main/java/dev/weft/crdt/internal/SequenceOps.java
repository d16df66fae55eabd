package dev.weft.crdt.internal;

import dev.weft.crdt.SharedType;
import dev.weft.crdt.encoding.Undefined;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Local edits of a type's sequence (arrays, and the list part of XML types): insert values at an
 * index, append, delete a range. Values are packed the way Yjs packs them, so the resulting
 * updates match its bytes: runs of JSON-like values become one {@link AnyContent} item, while a
 * byte array, a nested type or a subdocument gets an item of its own.
 */
public final class SequenceOps {
  private SequenceOps() {}

  /** The id the next local struct of this transaction gets. */
  public static Id nextId(Txn txn) {
    long c = txn.doc.clientId;
    return new Id(c, txn.doc.store.getState(c));
  }

  /**
   * The visible item holding unit {@code unit} (0-based), starting the walk at the branch's
   * remembered position when there is one; {@code base[0]} receives the visible index of the
   * item's first unit. Returns null when {@code unit} is at or past the end.
   */
  public static Item locate(Branch parent, int unit, int[] base) {
    Item n = parent.start;
    int b = 0;
    SequenceMarkers markers = parent.markers;
    int near = markers == null ? -1 : markers.nearest(unit);
    if (near >= 0 && markers.index(near) <= unit) {
      n = markers.item(near);
      b = markers.index(near);
    } else if (near >= 0) {
      // walk left from the marker until the units before the item are at most {@code unit}
      Item m = markers.item(near);
      int mi = markers.index(near);
      while (m != null && mi > unit) {
        m = m.left;
        if (m != null && m.countable() && !m.deleted()) {
          mi -= m.length;
        }
      }
      if (m != null) {
        n = m;
        b = mi;
      }
    }
    for (; n != null; n = n.right) {
      if (n.countable() && !n.deleted()) {
        if (unit < b + n.length) {
          base[0] = b;
          parent.setMarker(n, b);
          return n;
        }
        b += n.length;
      }
    }
    return null;
  }

  /** Inserts {@code values} at visible index {@code index}. */
  public static void insert(Txn txn, Branch parent, int index, List<?> values) {
    if (index < 0 || index > parent.length) {
      throw new IndexOutOfBoundsException("index=" + index + ", length=" + parent.length);
    }
    if (index == 0) {
      parent.beginEditAt(0);
      try {
        insertAfter(txn, parent, null, values);
      } finally {
        parent.endEdit();
      }
      return;
    }
    int[] base = new int[1];
    Item n = locate(parent, index - 1, base);
    if (index - base[0] < n.length) {
      txn.doc.store.getItemCleanStart(txn, new Id(n.client, n.clock + index - base[0]));
    }
    parent.beginEditAt(index);
    try {
      insertAfter(txn, parent, n, values);
    } finally {
      parent.endEdit();
    }
    parent.setMarker(n, base[0]);
  }

  /** Appends {@code values} after the last item of the sequence, deleted or not. */
  public static void push(Txn txn, Branch parent, List<?> values) {
    Item n = parent.start;
    if (n != null) {
      while (n.right != null) {
        n = n.right;
      }
    }
    parent.beginEditAt(parent.length);
    try {
      insertAfter(txn, parent, n, values);
    } finally {
      parent.endEdit();
    }
  }

  /** Inserts {@code values} right after {@code ref} (null: at the start). */
  public static void insertAfter(Txn txn, Branch parent, Item ref, List<?> values) {
    Item left = ref;
    Item right = ref == null ? parent.start : ref.right;
    List<Object> json = new ArrayList<>();
    for (Object v : values) {
      if (isJsonLike(v)) {
        json.add(JsKeyOrder.apply(v));
        continue;
      }
      if (!json.isEmpty()) {
        left = insertBetween(txn, parent, left, right, new AnyContent(json));
        json.clear();
      }
      left = insertBetween(txn, parent, left, right, contentOf(v));
    }
    if (!json.isEmpty()) {
      insertBetween(txn, parent, left, right, new AnyContent(json));
    }
  }

  /** Creates a local item holding {@code content} between two adjacent items and integrates it. */
  public static Item insertBetween(Txn txn, Branch parent, Item left, Item right, Content content) {
    long client = txn.doc.clientId;
    Item item = Item.between(client, txn.doc.store.getState(client), left, right, content);
    item.parent = parent;
    item.integrate(txn, 0);
    return item;
  }

  /**
   * Inserts local text between two adjacent items like {@link #insertBetween}, except that text
   * continuing this client's newest item (typing) grows that item instead of making one that the
   * end of the transaction would merge into it (see {@link Item#canGrowBy}). Returns the item
   * whose last units are the new text.
   */
  public static Item insertOrGrow(Txn txn, Branch parent, Item left, Item right, Content content) {
    if (left != null && left.canGrowBy(txn, parent, right, content)) {
      left.growBy(txn, content);
      return left;
    }
    return insertBetween(txn, parent, left, right, content);
  }

  /** Deletes {@code length} visible units starting at {@code index}. */
  public static void delete(Txn txn, Branch parent, int index, int length) {
    if (length == 0) {
      return;
    }
    if (index < 0 || length < 0 || index + length > parent.length) {
      throw new IndexOutOfBoundsException("index=" + index + ", length=" + length + ", size=" + parent.length);
    }
    int[] base = new int[1];
    Item n = locate(parent, index, base);
    if (index > base[0]) {
      n = (Item) txn.doc.store.getItemCleanStart(txn, new Id(n.client, n.clock + index - base[0]));
    }
    Item first = n;
    parent.beginEditAt(index);
    try {
      while (length > 0 && n != null) {
        if (!n.deleted()) {
          if (length < n.length) {
            txn.doc.store.getItemCleanStart(txn, new Id(n.client, n.clock + length));
          }
          n.delete(txn);
          length -= n.length;
        }
        n = n.right;
      }
    } finally {
      parent.endEdit();
    }
    parent.setMarker(first, index);
  }

  /** The visible values of the sequence, nested types as their public objects. */
  public static List<Object> toList(Branch parent) {
    List<Object> out = new ArrayList<>(parent.length);
    for (Item n = parent.start; n != null; n = n.right) {
      if (n.countable() && !n.deleted()) {
        for (Object v : n.content.values()) {
          out.add(publicValue(v));
        }
      }
    }
    return out;
  }

  /** The visible value at {@code index}. */
  public static Object get(Branch parent, int index) {
    if (index < 0 || index >= parent.length) {
      throw new IndexOutOfBoundsException("index=" + index + ", length=" + parent.length);
    }
    int[] base = new int[1];
    Item n = locate(parent, index, base);
    return publicValue(n.content.values().get(index - base[0]));
  }

  /** Maps internal values to what users see: a branch becomes its public object. */
  public static Object publicValue(Object v) {
    return v instanceof Branch b ? b.view() : v;
  }

  /** Whether a value travels as lib0 {@code any} (packed into runs). */
  static boolean isJsonLike(Object v) {
    return v == null || v instanceof String || v instanceof Number || v instanceof Boolean
        || v instanceof Map<?, ?> || v instanceof List<?> || v instanceof Undefined
        || v instanceof dev.weft.crdt.encoding.BigInt64;
  }

  /** The content that holds one value that is not JSON-like. */
  public static Content contentOf(Object v) {
    if (isJsonLike(v)) {
      List<Object> one = new ArrayList<>(1);
      one.add(JsKeyOrder.apply(v));
      return new AnyContent(one);
    }
    if (v instanceof byte[] bytes) {
      return new BinaryContent(bytes.clone());
    }
    if (v instanceof SharedType t) {
      Branch b = TypeRegistry.branchOf(t);
      if (b.doc != null || b.item != null) {
        throw new IllegalArgumentException("this shared type is already part of a document; insert a new one");
      }
      return new TypeContent(b);
    }
    throw new IllegalArgumentException("cannot store a " + v.getClass().getName()
        + ": use null, Boolean, Number, String, List, Map, byte[] or a new shared type");
  }
}
