package dev.weft.text.differential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.crdt.Updates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Comparisons shared by the differential tests, and the documented differences they set aside.
 *
 * <p><b>Set aside, narrowly:</b> full states that hold the same content but whose bytes differ
 * only as {@link KnownDifferences} explains: formatting cleanup keeping other format items when
 * updates arrived in another order, which Yjs does too (README; {@code FormattingCleanupOrderTest};
 * only between states reached by different delivery orders, in scenarios that made formatting and
 * deletions), and Weft joining GC structs that Yjs leaves split (README, "Known differences"). They are counted, not failed.
 * Content (the JSON of every root, the text's delta: see {@link #sameJson} for the one exception)
 * and state vectors are always compared. The
 * other known differences (lone surrogates, clocks past 2^31 - 1) are not generated: texts are
 * cut only between code points and scenarios stay far below 2^31 clocks.
 */
public final class Checks {
  /** Byte comparisons set aside, by known difference. */
  final Map<String, Integer> setAside = new java.util.TreeMap<>();
  /** The seeds of the scenarios where a comparison was set aside. */
  final java.util.Set<Long> setAsideSeeds = new java.util.TreeSet<>();
  /** The scenario being checked. */
  long seed;
  /** Byte comparisons made and passed. */
  final AtomicInteger bytesEqual = new AtomicInteger();

  public static void sameContent(String what, State want, State got) {
    if (!want.sameContent(got)) {
      fail(what + ": content differs\n  want " + want.content() + "\n  got  " + got.content());
    }
    assertArrayEquals(want.sv(), got.sv(), what + ": state vector differs");
  }

  /**
   * Same content and state vector, where the text's delta is compared exactly unless the scenario
   * made formatting and deletions: then adjacent inserts of text with equal attributes are joined
   * first, because a format item that only one side's cleanup removed splits a delta without
   * changing any text or attribute.
   */
  public static void sameFormatting(String what, State want, State got, boolean formattingAndDeletes) {
    if (!formattingAndDeletes) {
      sameContent(what, want, got);
      return;
    }
    if (!want.roots().equals(got.roots()) || !joined(want.delta()).equals(joined(got.delta()))) {
      fail(what + ": content differs\n  want " + want.content() + "\n  got  " + got.content());
    }
    assertArrayEquals(want.sv(), got.sv(), what + ": state vector differs");
  }

  /** A tagged delta with adjacent string inserts of equal attributes joined. */
  static List<Object> joined(Object delta) {
    List<Object> out = new ArrayList<>();
    for (Object o : (List<?>) delta) {
      Map<?, ?> op = (Map<?, ?>) o;
      if (!out.isEmpty() && op.get("insert") instanceof String s) {
        Map<?, ?> last = (Map<?, ?>) out.get(out.size() - 1);
        if (last.get("insert") instanceof String l && java.util.Objects.equals(last.get("attributes"), op.get("attributes"))) {
          Map<String, Object> merged = new java.util.TreeMap<>();
          merged.put("insert", l + s);
          if (op.get("attributes") != null) {
            merged.put("attributes", op.get("attributes"));
          }
          out.set(out.size() - 1, merged);
          continue;
        }
      }
      out.add(op);
    }
    return out;
  }

  /**
   * For states reached by different delivery orders: the same JSON of every root, the same text
   * delta and the same state vector, unless the scenario made formatting and deletions. Formatting
   * cleanup then depends on the order, in Yjs itself as in Weft (two Yjs documents given the same
   * updates in two orders can end with other formatting), so formatting is left out: the text's
   * delta, and the formatting tags that XML texts print in the XML root's JSON. Such states are
   * compared in full with Yjs after the same delivery order instead.
   */
  public static void sameJson(String what, State want, State got, boolean formattingAndDeletes) {
    boolean same = formattingAndDeletes
        ? withoutXmlFormatting(want.roots()).equals(withoutXmlFormatting(got.roots()))
        : want.roots().equals(got.roots()) && want.delta().equals(got.delta());
    if (!same) {
      fail(what + ": content differs\n  want " + want.content() + "\n  got  " + got.content());
    }
    assertArrayEquals(want.sv(), got.sv(), what + ": state vector differs");
  }

  /** The tags of XML text formatting ({@code WeftEdits} and {@code edits.mjs} format XML text with b and em only). */
  private static final java.util.regex.Pattern XML_FORMAT_TAG = java.util.regex.Pattern.compile("</?(b|em)( [^>]*)?>");

  private static Object withoutXmlFormatting(Object roots) {
    Map<String, Object> out = new java.util.TreeMap<>();
    ((Map<?, ?>) roots).forEach((k, v) -> out.put((String) k,
        "xml".equals(k) ? XML_FORMAT_TAG.matcher((String) v).replaceAll("") : v));
    return out;
  }

  /**
   * Equal full-state bytes in v1 and v2, unless the v1 states differ only in a documented way
   * ({@link KnownDifferences}); formatting cleanup counts only in a scenario that made formatting
   * and deletions ({@code formattingAndDeletes}). Set-aside comparisons are counted, with seeds.
   */
  void sameBytes(String what, State want, State got, boolean formattingAndDeletes) {
    if (Arrays.equals(want.v1(), got.v1()) && Arrays.equals(want.v2(), got.v2())) {
      bytesEqual.incrementAndGet();
      return;
    }
    String known = Arrays.equals(want.v1(), got.v1()) ? null : KnownDifferences.explain(want.v1(), got.v1());
    if (KnownDifferences.FORMATTING_CLEANUP.equals(known) && !formattingAndDeletes) {
      known = null;
    }
    if (known != null) {
      setAside.merge(known, 1, Integer::sum);
      setAsideSeeds.add(seed);
      if (!System.getProperty("weft.differential.seed", "").isBlank()) {
        System.out.println("[differential] " + what + ": full states differ, set aside (" + known + ")\n  want:\n"
            + Updates.describe(want.v1()) + "\n  got:\n" + Updates.describe(got.v1()));
      }
      return;
    }
    assertEquals(Updates.describe(want.v1()), Updates.describe(got.v1()), what + ": v1 state differs");
    assertEquals(State.hex(want.v1()), State.hex(got.v1()), what + ": v1 state bytes differ");
    assertEquals(State.hex(want.v2()), State.hex(got.v2()), what + ": v2 state bytes differ");
  }

  /** An update and its format version, as the Node driver's {@code apply} takes them. */
  record Versioned(int v, byte[] u) {
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("v", v);
      m.put("u", NodeDriver.b64(u));
      return m;
    }

    static Versioned of(Map<String, Object> json) {
      return new Versioned(((Number) json.get("v")).intValue(), NodeDriver.unb64(json.get("u")));
    }
  }

  static List<Map<String, Object>> json(List<Versioned> updates) {
    List<Map<String, Object>> out = new ArrayList<>();
    updates.forEach(u -> out.add(u.json()));
    return out;
  }

  /** The updates shuffled, about one in eight delivered twice. */
  static List<Versioned> shuffledWithDuplicates(List<Versioned> updates, Random random) {
    List<Versioned> out = new ArrayList<>(updates);
    for (Versioned u : updates) {
      if (random.nextInt(8) == 0) {
        out.add(u);
      }
    }
    java.util.Collections.shuffle(out, random);
    return out;
  }

  /** Applies v1 or v2 updates to a Weft document in order. */
  static void applyAll(dev.weft.crdt.Doc doc, List<Versioned> updates) {
    for (Versioned u : updates) {
      if (u.v() == 2) {
        doc.applyUpdateV2(u.u());
      } else {
        doc.applyUpdate(u.u());
      }
    }
  }

  /** Client ids both small and past 2^32 (up to 2^53 - 1), distinct, never 4242 (the receivers' id). */
  public static List<Long> clientIds(Random random, int n) {
    List<Long> out = new ArrayList<>();
    while (out.size() < n) {
      long id = switch (random.nextInt(3)) {
        case 0 -> 1 + random.nextInt(1000);
        case 1 -> (1L << 32) + random.nextInt(1 << 20);
        default -> (1L << 53) - 1 - random.nextInt(1000);
      };
      if (!out.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }
}
