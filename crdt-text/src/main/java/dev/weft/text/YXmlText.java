package dev.weft.text;

import dev.weft.crdt.Delta;
import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A text node in an XML tree: a {@link YText} whose formatting renders as nested tags. Text
 * formatted {@code bold=true, link={href: "x"}} renders as {@code <bold><link href="x">text</link></bold>},
 * tags sorted by name, attributes of a tag sorted by name, as Yjs renders it.
 */
public final class YXmlText extends YText {
  /** A new, preliminary, empty text node. */
  public YXmlText() {
    super(new Branch(TypeRef.XML_TEXT, null));
  }

  /** A new, preliminary text node holding {@code initial}. */
  public YXmlText(String initial) {
    this();
    insert(0, initial);
  }

  YXmlText(Branch branch) {
    super(branch);
  }

  /** The text with its formatting as nested tags. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Delta d : toDelta()) {
      Delta.Insert ins = (Delta.Insert) d;
      List<Tag> tags = new ArrayList<>();
      if (ins.attributes() != null) {
        for (Map.Entry<String, Object> e : ins.attributes().entrySet()) {
          tags.add(new Tag(e.getKey(), e.getValue()));
        }
      }
      tags.sort((a, b) -> a.name.compareTo(b.name));
      for (Tag t : tags) {
        sb.append('<').append(t.name);
        List<String> keys = JsValues.forInKeys(t.value);
        keys.sort(null);
        for (String k : keys) {
          sb.append(' ').append(k).append("=\"").append(JsValues.string(JsValues.member(t.value, k))).append('"');
        }
        sb.append('>');
      }
      sb.append(JsValues.string(ins.insert()));
      for (int i = tags.size() - 1; i >= 0; i--) {
        sb.append("</").append(tags.get(i).name).append('>');
      }
    }
    return sb.toString();
  }

  private record Tag(String name, Object value) {}
}
