package dev.weft.crdt.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import dev.weft.crdt.SharedType;
import dev.weft.crdt.Updates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Comparisons of whole documents, as the convergence properties need them. */
public final class Replicas {
  private Replicas() {}

  /** Every root of the document by name (sorted), as canonical JSON-like content. */
  public static Map<String, String> content(Doc doc) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : new TreeSet<>(doc.rootNames())) {
      SharedType root = doc.get(name);
      out.put(name, Canonical.of(root == null ? null : root.toJson()));
    }
    return out;
  }

  /**
   * Asserts that the documents converged: equal content, equal state vectors, byte-identical full
   * state, and a full state that re-derives the same state vector without a document.
   */
  public static void assertConverged(List<Doc> docs, String context) {
    assertConverged(docs, context, true);
  }

  /**
   * As {@link #assertConverged(List, String)}; with {@code sameBytes} false the full states are
   * not compared byte for byte (content and state vectors still are).
   */
  public static void assertConverged(List<Doc> docs, String context, boolean sameBytes) {
    Doc first = docs.get(0);
    Map<String, String> content = content(first);
    byte[] sv = first.encodeStateVector();
    byte[] state = first.encodeStateAsUpdate();
    for (int i = 1; i < docs.size(); i++) {
      Doc other = docs.get(i);
      String what = "replica " + i + " vs replica 0; " + context;
      assertEquals(content, content(other), "content of " + what);
      assertArrayEquals(sv, other.encodeStateVector(), "state vector of " + what);
      if (sameBytes) {
        assertArrayEquals(state, other.encodeStateAsUpdate(), "encodeStateAsUpdate of " + what);
      }
    }
    assertArrayEquals(sv, Updates.encodeStateVectorFromUpdate(state), "state vector derived from the state; " + context);
  }

  /** Asserts two documents hold the same content and the same full state, byte for byte. */
  public static void assertSameState(Doc expected, Doc actual, String context) {
    assertEquals(content(expected), content(actual), "content; " + context);
    assertArrayEquals(expected.encodeStateVector(), actual.encodeStateVector(), "state vector; " + context);
    assertArrayEquals(expected.encodeStateAsUpdate(), actual.encodeStateAsUpdate(), "encodeStateAsUpdate; " + context);
  }
}
