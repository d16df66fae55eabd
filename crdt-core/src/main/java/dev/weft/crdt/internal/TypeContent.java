package dev.weft.crdt.internal;

import java.util.List;

/** A nested shared type: one unit whose value is a whole {@link Branch}. */
public final class TypeContent implements Content {
  private final Branch type;

  public TypeContent(Branch type) {
    this.type = type;
  }

  public Branch type() {
    return type;
  }

  @Override public int length() { return 1; }
  @Override public boolean countable() { return true; }
  @Override public int ref() { return ContentRef.TYPE; }
  @Override public List<Object> values() { return List.of(type); }
  @Override public Content copy() { return new TypeContent(type.emptyCopy()); }
  @Override public Content splice(int offset) { throw new IllegalStateException("a type has one unit"); }
  @Override public boolean mergeWith(Content right) { return false; }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeTypeRef(type.typeRef);
    if (TypeRef.hasName(type.typeRef)) {
      encoder.writeKey(type.name);
    }
  }

  @Override
  public void integrate(Txn txn, Item item) {
    type.integrate(txn, item);
  }

  /** Deleting a type deletes everything in it. */
  @Override
  public void delete(Txn txn) {
    for (Item n = type.start; n != null; n = n.right) {
      deleteOrRemember(txn, n);
    }
    for (Item n : type.map.values()) {
      deleteOrRemember(txn, n);
    }
    txn.forgetChanged(type);
  }

  private static void deleteOrRemember(Txn txn, Item n) {
    if (!n.deleted()) {
      n.delete(txn);
    } else if (n.clock < txn.beforeState(n.client)) {
      // already deleted earlier: it will be collected now and may merge with its neighbours
      txn.addMergeStruct(n);
    }
  }

  @Override
  public void gc(StructStore store) {
    Item n = type.start;
    while (n != null) {
      Item next = n.right;
      n.gc(store, true);
      n = next;
    }
    type.start = null;
    for (Item v : type.map.values()) {
      Item m = v;
      while (m != null) {
        Item prev = m.left;
        m.gc(store, true);
        m = prev;
      }
    }
    type.map.clear();
  }
}
