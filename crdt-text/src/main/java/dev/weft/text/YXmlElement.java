package dev.weft.text;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.MapOps;
import dev.weft.crdt.internal.Txn;
import dev.weft.crdt.internal.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A shared XML element: a node name (fixed at creation), attributes (a map) and children (a
 * fragment). {@link #toString()} renders it as Yjs does: {@code <name a="1" b="2">children</name>},
 * the name in lower case and the attributes sorted by name.
 */
public final class YXmlElement extends YXmlFragment {
  /** Attributes of a preliminary element; null once integrated. */
  private Map<String, Object> prelimAttributes;

  /** A new, preliminary element; insert it into a fragment to use it. */
  public YXmlElement(String nodeName) {
    super(new Branch(TypeRef.XML_ELEMENT, Objects.requireNonNull(nodeName, "nodeName")), true);
    prelimAttributes = new LinkedHashMap<>();
  }

  YXmlElement(Branch branch) {
    super(branch);
  }

  @Override
  void integratePreliminary(Txn txn) {
    super.integratePreliminary(txn);
    Map<String, Object> attrs = prelimAttributes;
    prelimAttributes = null;
    attrs.forEach((k, v) -> MapOps.set(txn, branch(), k, v));
  }

  /** The element's tag name, as created. */
  public String nodeName() {
    return branch().name;
  }

  /** Sets an attribute; values are usually strings, but any storable value is kept. */
  public void setAttribute(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (preliminary()) {
      prelimAttributes.put(name, value);
      return;
    }
    edit(txn -> MapOps.set(txn, branch(), name, value));
  }

  public void removeAttribute(String name) {
    if (preliminary()) {
      prelimAttributes.remove(name);
      return;
    }
    edit(txn -> MapOps.delete(txn, branch(), name));
  }

  /** The attribute's value, or null. */
  public Object getAttribute(String name) {
    if (preliminary()) {
      return prelimAttributes.get(name);
    }
    requireIntegrated();
    return MapOps.get(branch(), name);
  }

  public boolean hasAttribute(String name) {
    if (preliminary()) {
      return prelimAttributes.containsKey(name);
    }
    requireIntegrated();
    return MapOps.has(branch(), name);
  }

  /** The attributes, in order of first setting. */
  public Map<String, Object> getAttributes() {
    if (preliminary()) {
      return new LinkedHashMap<>(prelimAttributes);
    }
    requireIntegrated();
    return MapOps.entries(branch());
  }

  @Override
  public String toString() {
    Map<String, Object> attrs = getAttributes();
    List<String> keys = new ArrayList<>(attrs.keySet());
    keys.sort(null);
    StringBuilder sb = new StringBuilder();
    String name = nodeName().toLowerCase(Locale.ROOT);
    sb.append('<').append(name);
    for (String k : keys) {
      sb.append(' ').append(k).append("=\"").append(JsValues.string(attrs.get(k))).append('"');
    }
    sb.append('>').append(super.toString()).append("</").append(name).append('>');
    return sb.toString();
  }
}
