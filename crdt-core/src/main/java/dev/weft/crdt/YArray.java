package dev.weft.crdt;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.SequenceOps;
import dev.weft.crdt.internal.TypeRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A shared list of values: JSON-like values, byte arrays or nested shared types. Concurrent
 * inserts at the same place keep both, in the same order on every replica.
 */
public final class YArray extends SharedType {
  /** A new, preliminary array; insert it into a document (as a value of another type) to use it. */
  public YArray() {
    super(new Branch(TypeRef.ARRAY, null));
  }

  private YArray(Branch b) {
    super(b);
  }

  /** For the engine: the array view of an existing branch. */
  public static YArray wrap(Branch b) {
    return new YArray(b);
  }

  /** Inserts values at {@code index} (0 to {@link #length()}). */
  public void insert(int index, Object... values) {
    insert(index, Arrays.asList(values));
  }

  public void insert(int index, List<?> values) {
    List<Object> copy = new ArrayList<>(values);
    edit(txn -> SequenceOps.insert(txn, branch, index, copy));
  }

  /** Appends values at the end. */
  public void push(Object... values) {
    List<Object> copy = new ArrayList<>(Arrays.asList(values));
    edit(txn -> SequenceOps.push(txn, branch, copy));
  }

  /** Inserts values at the start. */
  public void unshift(Object... values) {
    insert(0, values);
  }

  /** Deletes {@code length} values starting at {@code index}. */
  public void delete(int index, int length) {
    edit(txn -> SequenceOps.delete(txn, branch, index, length));
  }

  public Object get(int index) {
    requireIntegrated();
    return SequenceOps.get(branch, index);
  }

  public int length() {
    requireIntegrated();
    return branch.length;
  }

  /** The values, nested types as their objects. */
  public List<Object> toList() {
    requireIntegrated();
    return SequenceOps.toList(branch);
  }

  @Override
  public List<Object> toJson() {
    List<Object> out = new ArrayList<>();
    for (Object v : toList()) {
      out.add(v instanceof SharedType t ? t.toJson() : v);
    }
    return out;
  }

  /** The values as they were at {@code snapshot} (see {@link SharedType#toJson(Snapshot)}). */
  @Override
  public List<Object> toJson(Snapshot snapshot) {
    requireIntegrated();
    List<Object> out = new ArrayList<>();
    for (Object v : dev.weft.crdt.internal.SnapshotViews.list(branch, snapshot.state())) {
      out.add(jsonAt(v, snapshot));
    }
    return out;
  }
}
