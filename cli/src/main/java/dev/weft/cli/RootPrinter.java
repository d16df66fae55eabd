package dev.weft.cli;

import dev.weft.crdt.Doc;
import dev.weft.crdt.SharedType;
import dev.weft.crdt.UntypedType;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YMap;
import dev.weft.text.YText;
import dev.weft.text.YXmlFragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shows a document's roots as plain values: text as a string, a map as an object with sorted keys,
 * an array as a list, XML as its XML string. A root's kind comes from {@code --type NAME=KIND}, or
 * from the document if a type says it, or else is guessed from the content.
 */
final class RootPrinter {
  private RootPrinter() {}

  /** {@code NAME=KIND} options as a map. */
  static Map<String, String> kinds(List<String> options) {
    Map<String, String> kinds = new TreeMap<>();
    for (String o : options) {
      int eq = o.indexOf('=');
      String kind = eq < 0 ? "" : o.substring(eq + 1).toLowerCase(Locale.ROOT);
      if (eq <= 0 || !List.of("text", "map", "array", "xml").contains(kind)) {
        throw new UsageException("--type takes NAME=text|map|array|xml, not " + o);
      }
      kinds.put(o.substring(0, eq), kind);
    }
    return kinds;
  }

  /** Every root (and every root named by {@code --type}), by name. */
  static Map<String, Object> roots(Doc doc, Map<String, String> kinds) {
    Map<String, Object> out = new TreeMap<>();
    List<String> names = new ArrayList<>(doc.rootNames());
    for (String n : kinds.keySet()) {
      if (!names.contains(n)) {
        names.add(n);
      }
    }
    for (String name : names) {
      out.put(name, value(doc, name, kinds.getOrDefault(name, guess(doc.get(name)))));
    }
    return out;
  }

  private static String guess(SharedType t) {
    if (t instanceof UntypedType u) {
      return u.guessKind().name().toLowerCase(Locale.ROOT);
    }
    if (t instanceof YXmlFragment) {
      return "xml";
    }
    if (t instanceof YText) {
      return "text";
    }
    return t instanceof YMap ? "map" : "array";
  }

  static Object value(Doc doc, String name, String kind) {
    try {
      return switch (kind) {
        case "text" -> YText.of(doc, name).toString();
        case "map" -> sorted(doc.get(name, YMap.class).toJson());
        case "xml" -> YXmlFragment.of(doc, name).toString();
        default -> sorted(doc.get(name, YArray.class).toJson());
      };
    } catch (IllegalStateException e) {
      throw new UsageException("root '" + name + "' cannot be shown as " + kind + ": " + e.getMessage());
    }
  }

  /** The value with every map's keys sorted, recursively. */
  static Object sorted(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), sorted(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(sorted(x)));
      return out;
    }
    return v;
  }
}
