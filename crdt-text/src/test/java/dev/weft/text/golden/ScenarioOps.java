package dev.weft.text.golden;

import static dev.weft.crdt.golden.Golden.fromTagged;
import static dev.weft.crdt.golden.Golden.integer;
import static dev.weft.crdt.golden.Golden.list;
import static dev.weft.crdt.golden.Golden.map;
import static dev.weft.crdt.golden.Golden.str;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Doc;
import dev.weft.crdt.SharedType;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YMap;
import dev.weft.text.YText;
import dev.weft.text.YXmlElement;
import dev.weft.text.YXmlFragment;
import dev.weft.text.YXmlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The op language of the golden scenarios ({@code interop/golden/README.md}) played through
 * Weft's public API: each op becomes the call the generator made on the Yjs type.
 */
final class ScenarioOps {
  private final Doc doc;
  private final Map<String, Object> roots;

  /** Ops on {@code doc}, whose roots are declared as name to kind in {@code roots}. */
  ScenarioOps(Doc doc, Map<String, Object> roots) {
    this.doc = doc;
    this.roots = roots;
  }

  /** The root type {@code name}, of the kind the scenario declares. */
  SharedType root(String name) {
    Object kind = roots.get(name);
    if (kind == null) {
      throw new IllegalArgumentException("undeclared root " + name);
    }
    switch (str(kind)) {
      case "text":
        return YText.of(doc, name);
      case "map":
        return doc.getMap(name);
      case "array":
        return doc.getArray(name);
      case "xmlFragment":
        return YXmlFragment.of(doc, name);
      default:
        throw new IllegalArgumentException("unknown root kind " + kind);
    }
  }

  /** The shared type a path leads to: a root name, then map keys and sequence indexes. */
  SharedType resolve(List<Object> path) {
    SharedType t = root(str(path.get(0)));
    for (Object step : path.subList(1, path.size())) {
      Object next;
      if (t instanceof YMap m) {
        next = m.get(str(step));
      } else if (t instanceof YArray a) {
        next = a.get(integer(step));
      } else if (t instanceof YXmlFragment f) { // also an element
        next = f.get(integer(step));
      } else {
        throw new IllegalArgumentException("cannot step into a " + t.getClass().getSimpleName());
      }
      if (!(next instanceof SharedType s)) {
        throw new IllegalArgumentException("path " + path + " does not lead to a shared type");
      }
      t = s;
    }
    return t;
  }

  /** Runs one op. */
  void apply(Map<String, Object> op) {
    SharedType t = resolve(list(op.get("at")));
    String name = str(op.get("op"));
    switch (name) {
      case "textInsert":
        if (op.containsKey("attributes")) {
          text(t).insert(integer(op.get("index")), str(op.get("text")), attributes(op.get("attributes")));
        } else {
          text(t).insert(integer(op.get("index")), str(op.get("text")));
        }
        break;
      case "textInsertEmbed":
        if (op.containsKey("attributes")) {
          text(t).insertEmbed(integer(op.get("index")), value(op.get("embed")), attributes(op.get("attributes")));
        } else {
          text(t).insertEmbed(integer(op.get("index")), value(op.get("embed")));
        }
        break;
      case "textDelete":
        text(t).delete(integer(op.get("index")), integer(op.get("length")));
        break;
      case "textFormat":
        text(t).format(integer(op.get("index")), integer(op.get("length")), attributes(op.get("attributes")));
        break;
      case "textApplyDelta":
        text(t).applyDelta(delta(list(op.get("delta"))));
        break;
      case "mapSet":
        ((YMap) t).set(str(op.get("key")), value(op.get("value")));
        break;
      case "mapDelete":
        ((YMap) t).delete(str(op.get("key")));
        break;
      case "arrayInsert":
        ((YArray) t).insert(integer(op.get("index")), values(op.get("values")));
        break;
      case "arrayPush":
        ((YArray) t).push(values(op.get("values")).toArray());
        break;
      case "arrayDelete":
        ((YArray) t).delete(integer(op.get("index")), integer(op.get("length")));
        break;
      case "xmlInsert":
        ((YXmlFragment) t).insert(integer(op.get("index")), nodes(op.get("nodes")));
        break;
      case "xmlDelete":
        ((YXmlFragment) t).delete(integer(op.get("index")), integer(op.get("length")));
        break;
      case "xmlSetAttribute":
        ((YXmlElement) t).setAttribute(str(op.get("name")), str(op.get("value")));
        break;
      case "xmlRemoveAttribute":
        ((YXmlElement) t).removeAttribute(str(op.get("name")));
        break;
      default:
        throw new IllegalArgumentException("unknown op " + name);
    }
  }

  private static YText text(SharedType t) {
    return (YText) t;
  }

  static Map<String, Object> attributes(Object json) {
    return map(fromTagged(json));
  }

  /** A vector value as a Weft value; {@code $type} values become new preliminary types. */
  static Object value(Object json) {
    return fromTagged(json, ScenarioOps::newType);
  }

  private static List<Object> values(Object json) {
    List<Object> out = new ArrayList<>();
    for (Object v : list(json)) {
      out.add(value(v));
    }
    return out;
  }

  private static List<SharedType> nodes(Object json) {
    List<SharedType> out = new ArrayList<>();
    for (Object v : list(json)) {
      out.add((SharedType) value(v));
    }
    return out;
  }

  private static SharedType newType(Map<String, Object> spec) {
    switch (str(spec.get("$type"))) {
      case "map": {
        YMap m = new YMap();
        if (spec.containsKey("entries")) {
          map(spec.get("entries")).forEach((k, v) -> m.set(k, value(v)));
        }
        return m;
      }
      case "array": {
        YArray a = new YArray();
        if (spec.containsKey("values")) {
          a.insert(0, values(spec.get("values")));
        }
        return a;
      }
      case "text": {
        YText t = new YText();
        if (spec.containsKey("text")) {
          t.insert(0, str(spec.get("text")));
        }
        return t;
      }
      case "xmlText": {
        YXmlText t = new YXmlText();
        if (spec.containsKey("text")) {
          t.insert(0, str(spec.get("text")));
        }
        return t;
      }
      case "xmlElement": {
        YXmlElement e = new YXmlElement(str(spec.get("nodeName")));
        if (spec.containsKey("attributes")) {
          map(spec.get("attributes")).forEach((k, v) -> e.setAttribute(k, str(v)));
        }
        if (spec.containsKey("children")) {
          e.insert(0, nodes(spec.get("children")));
        }
        return e;
      }
      default:
        throw new IllegalArgumentException("unknown $type " + spec.get("$type"));
    }
  }

  private static List<Delta> delta(List<Object> ops) {
    List<Delta> out = new ArrayList<>();
    for (Object o : ops) {
      Map<String, Object> op = map(o);
      Map<String, Object> attrs = op.containsKey("attributes") ? attributes(op.get("attributes")) : null;
      if (op.containsKey("insert")) {
        out.add(new Delta.Insert(value(op.get("insert")), attrs));
      } else if (op.containsKey("retain")) {
        out.add(new Delta.Retain(integer(op.get("retain")), attrs));
      } else if (op.containsKey("delete")) {
        out.add(new Delta.Delete(integer(op.get("delete"))));
      } else {
        throw new IllegalArgumentException("unknown delta op " + op);
      }
    }
    return out;
  }

  /** A text's delta in the JSON shape of Yjs' {@code toDelta()}. */
  static List<Object> deltaJson(List<Delta> delta) {
    List<Object> out = new ArrayList<>();
    for (Delta d : delta) {
      Map<String, Object> op = new LinkedHashMap<>();
      if (d instanceof Delta.Insert ins) {
        op.put("insert", ins.insert());
        if (ins.attributes() != null && !ins.attributes().isEmpty()) {
          op.put("attributes", ins.attributes());
        }
      } else if (d instanceof Delta.Retain r) {
        op.put("retain", r.length());
        if (r.attributes() != null && !r.attributes().isEmpty()) {
          op.put("attributes", r.attributes());
        }
      } else if (d instanceof Delta.Delete del) {
        op.put("delete", del.length());
      }
      out.add(op);
    }
    return out;
  }
}
