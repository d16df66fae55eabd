package dev.weft.text.differential;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Doc;
import dev.weft.crdt.SharedType;
import dev.weft.crdt.encoding.Json;
import dev.weft.crdt.encoding.Undefined;
import dev.weft.text.YText;
import dev.weft.text.YXmlFragment;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the differential tests compare between a Weft and a Yjs document: every root's JSON and the
 * root text's delta (as tagged values: byte arrays as {@code $bytes} hex, undefined as
 * {@code $undefined}, every number a double, keys sorted), the state vector and the v1 and v2
 * encodings of the whole state.
 */
public record State(Object roots, Object delta, byte[] sv, byte[] v1, byte[] v2) {
  /** The roots every scenario declares, as Yjs' {@code roots()} in {@code edits.mjs} does. */
  public static void declareRoots(Doc doc) {
    YText.of(doc, "text");
    doc.getMap("map");
    doc.getArray("array");
    YXmlFragment.of(doc, "xml");
  }

  /**
   * A Weft document to receive updates, with the roots declared first as the Node driver declares
   * them: a root's kind decides whether remote formatting cleanup runs on it, in Weft as in Yjs.
   */
  public static Doc receiver() {
    Doc doc = new Doc(4242);
    declareRoots(doc);
    return doc;
  }

  /** The state of a Weft document. */
  public static State of(Doc doc) {
    declareRoots(doc);
    Map<String, Object> roots = new TreeMap<>();
    roots.put("text", YText.of(doc, "text").toJson());
    roots.put("map", doc.getMap("map").toJson());
    roots.put("array", doc.getArray("array").toJson());
    roots.put("xml", YXmlFragment.of(doc, "xml").toJson());
    return new State(tag(roots), tag(deltaJson(YText.of(doc, "text").toDelta())), doc.encodeStateVector(),
        doc.encodeStateAsUpdate(), doc.encodeStateAsUpdateV2());
  }

  /** The state the Node driver answered. */
  public static State of(Map<String, Object> answer) {
    return new State(tag(Json.parse((String) answer.get("roots"))), tag(Json.parse((String) answer.get("delta"))),
        NodeDriver.unb64(answer.get("sv")), NodeDriver.unb64(answer.get("v1")), NodeDriver.unb64(answer.get("v2")));
  }

  /** Whether the content (JSON of all roots, text delta) is the same. */
  public boolean sameContent(State o) {
    return roots.equals(o.roots) && delta.equals(o.delta);
  }

  /** A printable form of the content. */
  public String content() {
    return "roots " + Json.stringify(roots) + "\n  delta " + Json.stringify(delta);
  }

  public static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static List<Object> deltaJson(List<Delta> delta) {
    List<Object> out = new ArrayList<>();
    for (Delta d : delta) {
      if (d instanceof Delta.Insert ins) {
        Map<String, Object> op = new TreeMap<>();
        op.put("insert", ins.insert());
        if (ins.attributes() != null && !ins.attributes().isEmpty()) {
          op.put("attributes", ins.attributes());
        }
        out.add(op);
      } else {
        throw new IllegalStateException("a document's delta holds only inserts: " + d);
      }
    }
    return out;
  }

  /** The tagged, comparable form of a JSON-like value (Weft's or parsed from Node's answer). */
  public static Object tag(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Undefined) {
      return Map.of("$undefined", true);
    }
    if (v instanceof SharedType t) {
      return tag(t.toJson());
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof byte[] b) {
      return Map.of("$bytes", hex(b));
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(tag(x)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), tag(x)));
      return out;
    }
    throw new IllegalArgumentException("not a JSON-like value: " + v.getClass());
  }
}
