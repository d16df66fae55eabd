package dev.weft.crdt.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.crdt.Updates;
import dev.weft.crdt.encoding.BigInt64;
import dev.weft.crdt.encoding.Json;
import dev.weft.crdt.encoding.Undefined;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reading the golden vectors that {@code interop/golden/generate.mjs} records from the real
 * {@code yjs} package (see {@code interop/golden/README.md} for the format), and comparing Weft's
 * output with them.
 *
 * <p>Values in the vectors are JSON; the ones JSON cannot hold are one-key objects
 * ({@code {"$bytes": "00ff"}}, {@code {"$undefined": true}}, {@code {"$bigint": "5"}},
 * {@code {"$number": "NaN"}}). {@link #fromTagged} turns them into Weft's Java values and
 * {@link #toTagged} turns Java values back, so that expected and actual values are compared as
 * JSON text. Numbers compare by value (JavaScript has one number type), map keys in any order.
 */
public final class Golden {
  private static final HexFormat HEX = HexFormat.of();

  private Golden() {}

  /** Parses the JSON resource at {@code path} (for example {@code "/golden/lib0.json"}). */
  public static Object load(String path) {
    try (InputStream in = Golden.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("golden vector resource missing: " + path);
      }
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] unhex(String hex) {
    return HEX.parseHex(hex);
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object json) {
    return (Map<String, Object>) json;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object json) {
    return (List<Object>) json;
  }

  public static String str(Object json) {
    return (String) json;
  }

  public static int integer(Object json) {
    return ((Number) json).intValue();
  }

  public static long longValue(Object json) {
    Number n = (Number) json;
    if (n instanceof Double d && d != Math.rint(d)) {
      throw new IllegalArgumentException("not an integer: " + d);
    }
    return n.longValue();
  }

  /** A vector value as a Java value; a value with {@code "$type"} goes to {@code types}. */
  public static Object fromTagged(Object json, Function<Map<String, Object>, Object> types) {
    if (json instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(fromTagged(o, types));
      }
      return out;
    }
    if (!(json instanceof Map<?, ?>)) {
      return json;
    }
    Map<String, Object> m = map(json);
    if (m.containsKey("$type")) {
      if (types == null) {
        throw new IllegalArgumentException("shared type value where none is expected: " + Json.stringify(m));
      }
      return types.apply(m);
    }
    if (m.size() == 1) {
      Map.Entry<String, Object> e = m.entrySet().iterator().next();
      switch (e.getKey()) {
        case "$bytes":
          return unhex(str(e.getValue()));
        case "$undefined":
          return Undefined.INSTANCE;
        case "$bigint":
          return new BigInt64(Long.parseLong(str(e.getValue())));
        case "$number":
          return specialNumber(str(e.getValue()));
        default:
          break;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, fromTagged(v, types)));
    return out;
  }

  /** A plain vector value (no shared types) as a Java value. */
  public static Object fromTagged(Object json) {
    return fromTagged(json, null);
  }

  private static double specialNumber(String s) {
    switch (s) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      case "-0":
        return -0.0;
      default:
        throw new IllegalArgumentException("unknown $number " + s);
    }
  }

  /** A Java value as a vector value: the inverse of {@link #fromTagged(Object)}. */
  public static Object toTagged(Object value) {
    if (value instanceof byte[] b) {
      return Map.of("$bytes", hex(b));
    }
    if (value instanceof Undefined) {
      return Map.of("$undefined", true);
    }
    if (value instanceof BigInt64 big) {
      return Map.of("$bigint", Long.toString(big.value()));
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        return Map.of("$number", "NaN");
      }
      if (Double.isInfinite(d)) {
        return Map.of("$number", d > 0 ? "Infinity" : "-Infinity");
      }
      if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
        return Map.of("$number", "-0");
      }
      return d;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(toTagged(o));
      }
      return out;
    }
    if (value instanceof Object[] a) {
      return toTagged(List.of(a));
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), toTagged(v)));
      return out;
    }
    return value;
  }

  /**
   * JSON text of a vector value with map keys sorted and every number as a JavaScript number
   * prints, so that two values that JavaScript would consider the same JSON give the same text.
   */
  public static String canonical(Object json) {
    return Json.stringify(canonicalValue(json));
  }

  private static Object canonicalValue(Object json) {
    if (json instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), canonicalValue(v)));
      return out;
    }
    if (json instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(canonicalValue(o));
      }
      return out;
    }
    if (json instanceof Number n && !(n instanceof Double)) {
      return n.doubleValue();
    }
    return json;
  }

  /** Asserts that a Java value equals a vector value. */
  public static void assertValue(String what, Object expectedTagged, Object actual) {
    assertEquals(canonical(expectedTagged), canonical(toTagged(actual)), what);
  }

  /**
   * Asserts that {@code actual} has the bytes {@code expectedHex}, failing with the first
   * differing offset, both byte strings and, for updates, both decoded.
   */
  public static void assertBytes(String what, String expectedHex, byte[] actual) {
    assertBytes(what, expectedHex, actual, false);
  }

  /** As {@link #assertBytes(String, String, byte[])}, describing both sides as updates. */
  public static void assertUpdate(String what, String expectedHex, byte[] actual) {
    assertBytes(what, expectedHex, actual, true);
  }

  private static void assertBytes(String what, String expectedHex, byte[] actual, boolean update) {
    String actualHex = hex(actual);
    if (expectedHex.equals(actualHex)) {
      return;
    }
    byte[] expected = unhex(expectedHex);
    int i = 0;
    while (i < expected.length && i < actual.length && expected[i] == actual[i]) {
      i++;
    }
    StringBuilder msg = new StringBuilder()
        .append(what).append(": bytes differ at offset ").append(i)
        .append(" (yjs ").append(i < expected.length ? String.format("%02x", expected[i]) : "<end>")
        .append(", weft ").append(i < actual.length ? String.format("%02x", actual[i]) : "<end>")
        .append(")\n  yjs:  ").append(expectedHex)
        .append("\n  weft: ").append(actualHex);
    if (update) {
      msg.append("\n  yjs update:\n").append(describe(expected))
          .append("\n  weft update:\n").append(describe(actual));
    }
    fail(msg.toString());
  }

  /** {@link Updates#describe}, or why it failed. */
  public static String describe(byte[] update) {
    try {
      return Updates.describe(update).indent(4);
    } catch (RuntimeException e) {
      return "    (cannot describe: " + e + ")";
    }
  }
}
