package dev.weft.crdt;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.MapOps;
import dev.weft.crdt.internal.TypeRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A shared map from string keys to values: JSON-like values, byte arrays or nested shared types.
 * Concurrent sets of the same key resolve to one value on every replica.
 */
public final class YMap extends SharedType {
  /** A new, preliminary map; insert it into a document (as a value of another type) to use it. */
  public YMap() {
    super(new Branch(TypeRef.MAP, null));
  }

  private YMap(Branch b) {
    super(b);
  }

  /** For the engine: the map view of an existing branch. */
  public static YMap wrap(Branch b) {
    return new YMap(b);
  }

  /** The value of {@code key}, or null. Nested types are returned as their objects. */
  public Object get(String key) {
    requireIntegrated();
    return MapOps.get(branch, key);
  }

  /** Sets {@code key} to {@code value} (null is a value; use {@link #delete} to remove). */
  public void set(String key, Object value) {
    java.util.Objects.requireNonNull(key, "key");
    edit(txn -> MapOps.set(txn, branch, key, value));
  }

  public void delete(String key) {
    edit(txn -> MapOps.delete(txn, branch, key));
  }

  /** Deletes every key. */
  public void clear() {
    edit(txn -> {
      for (String k : MapOps.entries(branch).keySet()) {
        MapOps.delete(txn, branch, k);
      }
    });
  }

  public boolean has(String key) {
    requireIntegrated();
    return MapOps.has(branch, key);
  }

  public Set<String> keys() {
    requireIntegrated();
    return MapOps.entries(branch).keySet();
  }

  public int size() {
    requireIntegrated();
    return MapOps.entries(branch).size();
  }

  /** The live entries, nested types as their objects. */
  public Map<String, Object> entries() {
    requireIntegrated();
    return MapOps.entries(branch);
  }

  @Override
  public Map<String, Object> toJson() {
    requireIntegrated();
    Map<String, Object> out = new LinkedHashMap<>();
    MapOps.entries(branch).forEach((k, v) -> out.put(k, v instanceof SharedType t ? t.toJson() : v));
    return out;
  }

  /** The entries as they were at {@code snapshot} (see {@link SharedType#toJson(Snapshot)}). */
  @Override
  public Map<String, Object> toJson(Snapshot snapshot) {
    requireIntegrated();
    Map<String, Object> out = new LinkedHashMap<>();
    dev.weft.crdt.internal.SnapshotViews.map(branch, snapshot.state())
        .forEach((k, v) -> out.put(k, jsonAt(v, snapshot)));
    return out;
  }
}
