package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine's side of a transaction: what the document knew before it, what it deleted, which
 * types changed, and which structs were split and may be merged again when it ends.
 */
public final class Txn {
  public final DocState doc;
  /** Ranges deleted by this transaction. */
  public final DeleteSet deleteSet = new DeleteSet();
  /** The state vector before the transaction. */
  public final TreeMap<Long, Long> beforeState;
  /** The state vector after the transaction; set during cleanup. */
  public TreeMap<Long, Long> afterState;
  /** Changed types, with the map keys that changed (null stands for the sequence). */
  public final Map<Branch, Set<String>> changed = new LinkedHashMap<>();
  /** Structs split during the transaction, to be merged with their neighbours at the end. */
  public final List<Struct> mergeStructs = new ArrayList<>();
  /** What the caller named as the cause. */
  public final Object origin;
  /** False when the transaction applies a remote update. */
  public boolean local;
  /** Set when text formatting may need cleaning after the transaction. */
  public boolean needFormattingCleanup;
  /** Free-form per-transaction state for extensions. */
  public final Map<Object, Object> meta = new LinkedHashMap<>();
  /** The public object for this transaction, created on first use. */
  public Object view;

  public Txn(DocState doc, Object origin, boolean local) {
    this.doc = doc;
    this.origin = origin;
    this.local = local;
    this.beforeState = doc.store.stateVector();
  }

  /** The clock of {@code client} before this transaction. */
  public long beforeState(long client) {
    Long c = beforeState.get(client);
    return c == null ? 0 : c;
  }

  /** Whether the struct was added by this transaction. */
  public boolean adds(Struct s) {
    return s.clock >= beforeState(s.client);
  }

  /** Whether the item was deleted by this transaction. */
  public boolean deletes(Item item) {
    return deleteSet.contains(item.id());
  }

  /**
   * Records that {@code type} changed under {@code parentSub} (null for its sequence); a type
   * created in this very transaction does not count as changed.
   */
  public void addChangedType(Branch type, String parentSub) {
    if (type == lastChanged && java.util.Objects.equals(parentSub, lastChangedSub)) {
      return; // recorded already: consecutive changes mostly hit the same type
    }
    Item item = type.item;
    if (item == null || (item.clock < beforeState(item.client) && !item.deleted())) {
      changed.computeIfAbsent(type, t -> new HashSet<>()).add(parentSub);
      lastChanged = type;
      lastChangedSub = parentSub;
    }
  }

  /** The last change recorded by {@link #addChangedType}, to skip repeating it. */
  private Branch lastChanged;
  private String lastChangedSub;
}
