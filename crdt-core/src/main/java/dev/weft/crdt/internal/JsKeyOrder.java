package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JavaScript's property order for objects: keys that are array indices ({@code "0"} to
 * {@code "4294967294"} in canonical form) come first in ascending numeric order, then the other
 * keys in insertion order. Yjs holds every object as a JavaScript object, so when it re-encodes a
 * value (converting an update to v2, or writing a JSON text as an {@code any}), the keys come out
 * in this order; applying it here keeps Weft's v2 bytes equal to Yjs's. Local values are put in
 * this order when they enter a document, so that a Weft replica holds, shows and sends exactly
 * what a Yjs replica holding the same object would.
 */
public final class JsKeyOrder {
  private static final long MAX_INDEX = 4294967294L;

  private JsKeyOrder() {}

  /** {@code value} with every nested map in JavaScript's key order (the same object if already so). */
  public static Object apply(Object value) {
    if (value instanceof Map<?, ?> map) {
      return applyToMap(map);
    }
    if (value instanceof List<?> list) {
      List<Object> out = null;
      for (int i = 0; i < list.size(); i++) {
        Object v = list.get(i);
        Object n = apply(v);
        if (n != v && out == null) {
          out = new ArrayList<>(list);
        }
        if (out != null) {
          out.set(i, n);
        }
      }
      return out == null ? list : out;
    }
    return value;
  }

  private static Map<?, ?> applyToMap(Map<?, ?> map) {
    boolean changed = false;
    boolean seenOther = false;
    long lastIndex = -1;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      long index = arrayIndex(String.valueOf(e.getKey()));
      if (index < 0) {
        seenOther = true;
      } else if (seenOther || index < lastIndex) {
        changed = true;
      } else {
        lastIndex = index;
      }
      if (apply(e.getValue()) != e.getValue()) {
        changed = true;
      }
    }
    if (!changed) {
      return map;
    }
    List<Map.Entry<?, ?>> indices = new ArrayList<>();
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (arrayIndex(String.valueOf(e.getKey())) >= 0) {
        indices.add(e);
      }
    }
    indices.sort((a, b) -> Long.compare(arrayIndex(String.valueOf(a.getKey())), arrayIndex(String.valueOf(b.getKey()))));
    for (Map.Entry<?, ?> e : indices) {
      out.put(String.valueOf(e.getKey()), apply(e.getValue()));
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (arrayIndex(key) < 0) {
        out.put(key, apply(e.getValue()));
      }
    }
    return out;
  }

  /** The key's value as an array index, or -1 if it is not one. */
  static long arrayIndex(String key) {
    int n = key.length();
    if (n == 0 || n > 10 || (n > 1 && key.charAt(0) == '0')) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v <= MAX_INDEX ? v : -1;
  }
}
