package dev.weft.text;

import dev.weft.crdt.SharedType;
import dev.weft.crdt.encoding.Json;
import dev.weft.crdt.encoding.Undefined;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few JavaScript value semantics that decide Yjs's text algorithms, so that Weft makes the
 * same choices and therefore writes the same items.
 *
 * <ul>
 *   <li><b>Strict equality</b> ({@code ===}): primitives by value, objects and arrays by identity.
 *       Two format items compare equal only if they carry the very same value object, which is why
 *       {@link FormatValues} keeps one parsed value per format item.</li>
 *   <li><b>Attribute equality</b> (Yjs's {@code equalAttrs}): strict equality, or two objects whose
 *       own entries are strictly equal one level deep.</li>
 *   <li><b>Object key order</b>: a JavaScript object lists integer-like keys first, ascending, then
 *       the other keys in insertion order; attribute loops and delta attribute objects follow it.</li>
 *   <li><b>String conversion</b> ({@code String(v)}), used when XML is rendered as text.</li>
 * </ul>
 */
final class JsValues {
  private static final long MAX_ARRAY_INDEX = 4294967294L;

  private JsValues() {}

  /** JavaScript's {@code a === b}, where null and an absent value both stand for {@code null}. */
  static boolean strictEquals(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof String || a instanceof Boolean) {
      return a.equals(b);
    }
    return false;
  }

  /** Yjs's {@code equalAttrs}: strictly equal, or flat-equal objects (or arrays). */
  static boolean equalAttrs(Object a, Object b) {
    if (strictEquals(a, b)) {
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !strictEquals(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!strictEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** The keys of {@code object} in the order a JavaScript object with these keys lists them. */
  static List<String> keys(Map<String, ?> object) {
    List<String> indices = null;
    List<String> others = new ArrayList<>(object.size());
    for (String k : object.keySet()) {
      if (isArrayIndex(k)) {
        if (indices == null) {
          indices = new ArrayList<>();
        }
        indices.add(k);
      } else {
        others.add(k);
      }
    }
    if (indices == null) {
      return others;
    }
    indices.sort((x, y) -> Long.compare(Long.parseLong(x), Long.parseLong(y)));
    indices.addAll(others);
    return indices;
  }

  /** A copy of {@code object} whose iteration order is JavaScript's key order. */
  static Map<String, Object> object(Map<String, ?> object) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : keys(object)) {
      out.put(k, object.get(k));
    }
    return out;
  }

  private static boolean isArrayIndex(String k) {
    int n = k.length();
    if (n == 0 || n > 10 || (n > 1 && k.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = k.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return Long.parseLong(k) <= MAX_ARRAY_INDEX;
  }

  /** JavaScript's {@code String(v)} for the values Weft stores. */
  static String string(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Undefined) {
      return "undefined";
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "Infinity" : "-Infinity";
      }
      return Json.number(n);
    }
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Object e = list.get(i);
        if (e != null && !(e instanceof Undefined)) {
          sb.append(string(e));
        }
      }
      return sb.toString();
    }
    if (v instanceof byte[] bytes) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < bytes.length; i++) {
        sb.append(i > 0 ? "," : "").append(bytes[i] & 0xff);
      }
      return sb.toString();
    }
    if (v instanceof YXmlFragment || v instanceof YText) {
      return v.toString();
    }
    if (v instanceof Map<?, ?> || v instanceof SharedType) {
      return "[object Object]";
    }
    return v.toString();
  }

  /** JavaScript's {@code for (const key in v)} over a JSON-like value: its own enumerable keys. */
  static List<String> forInKeys(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof String s) {
      for (int i = 0; i < s.length(); i++) {
        out.add(Integer.toString(i));
      }
    } else if (v instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.add(Integer.toString(i));
      }
    } else if (v instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> m = (Map<String, ?>) map;
      out.addAll(keys(m));
    }
    return out;
  }

  /** The value JavaScript reads as {@code v[key]} for a key from {@link #forInKeys}. */
  static Object member(Object v, String key) {
    if (v instanceof String s) {
      return String.valueOf(s.charAt(Integer.parseInt(key)));
    }
    if (v instanceof List<?> list) {
      return list.get(Integer.parseInt(key));
    }
    return ((Map<?, ?>) v).get(key);
  }
}
