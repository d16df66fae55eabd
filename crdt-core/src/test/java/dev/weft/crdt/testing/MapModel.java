package dev.weft.crdt.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reference model of a {@code YMap}: a plain map. Values are JSON-like, or
 * {@link ArrayModel}/{@link MapModel} for nested shared types.
 */
public final class MapModel {
  private final Map<String, Object> entries = new LinkedHashMap<>();

  public void set(String key, Object value) {
    entries.put(key, value);
  }

  public void delete(String key) {
    entries.remove(key);
  }

  public void clear() {
    entries.clear();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Object get(String key) {
    return entries.get(key);
  }

  public int size() {
    return entries.size();
  }

  /** The keys, sorted. */
  public Set<String> keys() {
    return new TreeSet<>(entries.keySet());
  }

  /** The content as {@code YMap.toJson()} gives it. */
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> out.put(k, json(v)));
    return out;
  }

  static Object json(Object v) {
    if (v instanceof ArrayModel a) {
      return a.toJson();
    }
    if (v instanceof MapModel m) {
      return m.toJson();
    }
    return v;
  }
}
