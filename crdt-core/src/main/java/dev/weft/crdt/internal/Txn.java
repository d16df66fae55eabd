package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's side of a transaction: what the document knew before it, what it deleted, which
 * types changed, and which structs were split and may be merged again when it ends.
 */
public final class Txn {
  public final DocState doc;
  /** Ranges deleted by this transaction. */
  public final DeleteSet deleteSet = new DeleteSet();
  /** The clocks of the clients that changed, before (and, from cleanup on, after) the transaction. */
  private final ClockJournal clocks = new ClockJournal();
  /*
   * The changed types with the map keys that changed (null stands for the sequence), in the
   * order of their first change: the first in two fields (most transactions change one type),
   * any others in a map.
   */
  private Branch firstChanged;
  private Set<String> firstKeys;
  private LinkedHashMap<Branch, Set<String>> moreChanged;
  /** Structs split during the transaction, to be merged with their neighbours at the end. */
  private List<Struct> mergeStructs; // null until the first

  /** Notes a struct split during the transaction, to be merged with its neighbours at the end. */
  public void addMergeStruct(Struct s) {
    if (mergeStructs == null) {
      mergeStructs = new ArrayList<>(4);
    }
    mergeStructs.add(s);
  }

  /** The structs noted by {@link #addMergeStruct}, in order (read-only). */
  public List<Struct> mergeStructs() {
    return mergeStructs == null ? List.of() : mergeStructs;
  }
  /** What the caller named as the cause. */
  public final Object origin;
  /** False when the transaction applies a remote update. */
  public boolean local;
  /**
   * Set when local text grew an item of an earlier transaction in place ({@link Item#growBy})
   * rather than making a new item: observers must then first get that item cut where this
   * transaction's content starts, as it would otherwise be.
   */
  public boolean grewInPlace;
  /** Set when text formatting may need cleaning after the transaction. */
  public boolean needFormattingCleanup;
  /** The public object for this transaction, created on first use. */
  public Object view;

  public Txn(DocState doc, Object origin, boolean local) {
    this.doc = doc;
    this.origin = origin;
    this.local = local;
    doc.store.open.add(this);
  }

  /** The clock of {@code client} before this transaction. */
  public long beforeState(long client) {
    return clocks.before(client, doc.store.getState(client));
  }

  /** Called by the store before {@code client}'s clock grows from {@code clock}. */
  void clientGrows(long client, long clock) {
    clocks.record(client, clock);
  }

  /** Takes the state after the transaction (at the start of its cleanup). */
  void freezeAfterState() {
    clocks.freeze(doc.store);
  }

  /** The clock of {@code client} after this transaction (valid from the start of its cleanup). */
  public long afterState(long client) {
    return clocks.after(client, beforeState(client));
  }

  /** The clients that added structs in this transaction, in increasing order (from cleanup on). */
  public long[] changedClients() {
    return clocks.changedWhenFrozen();
  }

  /** Every client that added structs since this transaction began, in increasing order. */
  long[] clientsWithNewStructs() {
    return clocks.recorded(doc.store);
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
      if (firstChanged == null || firstChanged == type) {
        firstKeys = withKey(firstChanged == null ? null : firstKeys, parentSub);
        firstChanged = type;
      } else {
        if (moreChanged == null) {
          moreChanged = new LinkedHashMap<>(4);
        }
        moreChanged.put(type, withKey(moreChanged.get(type), parentSub));
      }
      lastChanged = type;
      lastChangedSub = parentSub;
    }
  }

  /** The keys of a type whose sequence alone changed (immutable, so shared). */
  private static final Set<String> SEQUENCE = Collections.singleton(null);

  /** {@code keys} with {@code key} added: a singleton until a second key comes. */
  private static Set<String> withKey(Set<String> keys, String key) {
    if (keys == null) {
      return key == null ? SEQUENCE : Collections.singleton(key);
    }
    if (keys.contains(key)) {
      return keys;
    }
    Set<String> more = keys instanceof HashSet ? keys : new HashSet<>(keys);
    more.add(key);
    return more;
  }

  /**
   * The changed types with the map keys that changed (null stands for the sequence), in the order
   * of their first change. A copy: changes recorded later do not show in it.
   */
  public Map<Branch, Set<String>> changed() {
    if (firstChanged == null) {
      return Collections.emptyMap();
    }
    if (moreChanged == null) {
      return Collections.singletonMap(firstChanged, firstKeys);
    }
    LinkedHashMap<Branch, Set<String>> all = new LinkedHashMap<>();
    all.put(firstChanged, firstKeys);
    all.putAll(moreChanged);
    return all;
  }

  /** Whether a changed type satisfies {@code test} (without building {@link #changed()}). */
  public boolean anyChanged(java.util.function.Predicate<Branch> test) {
    if (firstChanged == null) {
      return false;
    }
    if (test.test(firstChanged)) {
      return true;
    }
    if (moreChanged != null) {
      for (Branch b : moreChanged.keySet()) {
        if (test.test(b)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Forgets that {@code type} changed (it was deleted in this transaction). */
  public void forgetChanged(Branch type) {
    if (type == firstChanged) {
      firstChanged = null;
      firstKeys = null;
      if (moreChanged != null && !moreChanged.isEmpty()) {
        Map.Entry<Branch, Set<String>> next = moreChanged.entrySet().iterator().next();
        firstChanged = next.getKey();
        firstKeys = next.getValue();
        moreChanged.remove(firstChanged);
      }
    } else if (moreChanged != null) {
      moreChanged.remove(type);
    }
    lastChanged = null;
    lastChangedSub = null;
  }

  /** The last change recorded by {@link #addChangedType}, to skip repeating it. */
  private Branch lastChanged;
  private String lastChangedSub;
}
