package dev.weft.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A map value set locally enters the document with its keys in JavaScript's property order
 * (array-index keys first, ascending; then the others in insertion order), as the object would in
 * a Yjs document. Found by the differential test against Yjs: a Java map with {@code "é"} before
 * {@code "1"} was sent in Java's order, so a Yjs replica (and Yjs' mergeUpdates) re-encoded it with
 * other bytes and the replicas listed the keys differently.
 */
class LocalValueKeyOrderTest {
  private static Map<String, Object> javaOrder() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", 1);
    inner.put("10", 2);
    inner.put("2", 3);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("é", 811);
    m.put("1", inner);
    m.put("0", List.of(inner));
    m.put("-1", true);
    m.put("01", false);
    return m;
  }

  private static Map<String, Object> jsOrder() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("2", 3);
    inner.put("10", 2);
    inner.put("z", 1);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("0", List.of(inner));
    m.put("1", inner);
    m.put("é", 811);
    m.put("-1", true);
    m.put("01", false);
    return m;
  }

  private static List<String> keys(Object map) {
    return new ArrayList<>(((Map<?, ?>) map).keySet().stream().map(String::valueOf).toList());
  }

  @Test
  void mapSet_storesJavaScriptKeyOrder() {
    Doc a = new Doc(1);
    a.getMap("m").set("k", javaOrder());
    Doc b = new Doc(1);
    b.getMap("m").set("k", jsOrder());
    assertEquals(List.of("0", "1", "é", "-1", "01"), keys(a.getMap("m").get("k")));
    assertEquals(List.of("2", "10", "z"), keys(((Map<?, ?>) a.getMap("m").get("k")).get("1")));
    assertArrayEquals(b.encodeStateAsUpdate(), a.encodeStateAsUpdate());
  }

  @Test
  void arrayInsert_storesJavaScriptKeyOrder() {
    Doc a = new Doc(1);
    a.getArray("a").insert(0, "x", javaOrder(), List.of(javaOrder()));
    Doc b = new Doc(1);
    b.getArray("a").insert(0, "x", jsOrder(), List.of(jsOrder()));
    assertEquals(List.of("0", "1", "é", "-1", "01"), keys(a.getArray("a").get(1)));
    assertArrayEquals(b.encodeStateAsUpdate(), a.encodeStateAsUpdate());
    assertArrayEquals(b.encodeStateAsUpdateV2(), a.encodeStateAsUpdateV2());
  }
}
