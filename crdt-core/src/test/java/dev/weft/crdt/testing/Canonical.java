package dev.weft.crdt.testing;

import dev.weft.crdt.SharedType;
import dev.weft.crdt.encoding.Json;
import dev.weft.crdt.encoding.Undefined;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A value as one comparable string: map keys sorted, numbers as JavaScript prints them (so an
 * {@code Integer} 5, a {@code Long} 5 and a {@code Double} 5.0 agree, as they do on the wire),
 * byte arrays in hex, shared types through {@code toJson()}. Two replicas hold equal content
 * exactly when their canonical strings are equal.
 */
public final class Canonical {
  private Canonical() {}

  public static String of(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    if (v instanceof SharedType t) {
      write(sb, t.toJson());
    } else if (v instanceof Number n) {
      sb.append(Json.number(n));
    } else if (v instanceof byte[] bytes) {
      sb.append("bytes:").append(HexFormat.of().formatHex(bytes));
    } else if (v instanceof Undefined) {
      sb.append("undefined");
    } else if (v instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
      sb.append('{');
      String sep = "";
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        sb.append(sep).append(Json.stringify(e.getKey())).append(':');
        write(sb, e.getValue());
        sep = ",";
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      String sep = "";
      for (Object x : l) {
        sb.append(sep);
        write(sb, x);
        sep = ",";
      }
      sb.append(']');
    } else {
      sb.append(Json.stringify(v));
    }
  }
}
