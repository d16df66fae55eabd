package dev.weft.text;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Doc;
import dev.weft.crdt.encoding.Json;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the text tests. */
final class TextTesting {
  private TextTesting() {}

  /** A map from alternating keys and values; values may be null (unlike {@code Map.of}). */
  static Map<String, Object> attrs(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Records every update a document emits, as lower-case hex. */
  static List<String> recordUpdates(Doc doc) {
    List<String> out = new ArrayList<>();
    doc.onUpdate((update, origin, tx) -> out.add(hex(update)));
    return out;
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static byte[] unhex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /** A delta as the JSON that {@code JSON.stringify} gives for the Yjs delta. */
  static String json(List<Delta> delta) {
    List<Object> ops = new ArrayList<>();
    for (Delta d : delta) {
      Map<String, Object> op = new LinkedHashMap<>();
      if (d instanceof Delta.Insert i) {
        op.put("insert", i.insert() instanceof dev.weft.crdt.SharedType t ? t.toJson() : i.insert());
        if (i.attributes() != null) {
          op.put("attributes", i.attributes());
        }
      } else if (d instanceof Delta.Retain r) {
        op.put("retain", r.length());
        if (r.attributes() != null) {
          op.put("attributes", r.attributes());
        }
      } else if (d instanceof Delta.Delete x) {
        op.put("delete", x.length());
      }
      ops.add(op);
    }
    return Json.stringify(ops);
  }
}
