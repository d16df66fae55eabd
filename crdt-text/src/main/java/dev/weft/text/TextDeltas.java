package dev.weft.text;

import dev.weft.crdt.Delta;
import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.EmbedContent;
import dev.weft.crdt.internal.FormatContent;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.StringContent;
import dev.weft.crdt.internal.Txn;
import dev.weft.crdt.internal.TypeContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text as a Quill delta and back: {@link #toDelta} reads the item list (Yjs's
 * {@code YText.toDelta} without snapshots), {@link #apply} replays a delta from the start of the
 * text (Yjs's {@code applyDelta}).
 */
final class TextDeltas {
  private TextDeltas() {}

  /** The visible content: one insert per run of text with the same formatting, one per embed. */
  static List<Delta> toDelta(Branch text) {
    List<Delta> ops = new ArrayList<>();
    LinkedHashMap<String, Object> current = new LinkedHashMap<>();
    StringBuilder str = new StringBuilder();
    for (Item n = text.start; n != null; n = n.right) {
      if (n.deleted()) {
        continue;
      }
      if (n.content instanceof StringContent s) {
        str.append(s.string());
      } else if (n.content instanceof EmbedContent || n.content instanceof TypeContent) {
        pack(ops, str, current);
        ops.add(new Delta.Insert(embedValue(n), current.isEmpty() ? null : JsValues.object(current)));
      } else if (n.content instanceof FormatContent f) {
        pack(ops, str, current);
        TextPosition.apply(current, f);
      }
    }
    pack(ops, str, current);
    return ops;
  }

  private static void pack(List<Delta> ops, StringBuilder str, Map<String, Object> current) {
    if (str.length() > 0) {
      ops.add(new Delta.Insert(str.toString(), current.isEmpty() ? null : JsValues.object(current)));
      str.setLength(0);
    }
  }

  /** The public value of an embed or nested type item. */
  static Object embedValue(Item n) {
    if (n.content instanceof EmbedContent e) {
      return e.embed();
    }
    return ((TypeContent) n.content).type().view();
  }

  /**
   * Applies {@code delta} from the start of the text: inserts (with their attributes), retains
   * (formatting the retained units when attributes are given) and deletes.
   */
  static void apply(Txn txn, Branch text, List<Delta> delta) {
    TextPosition pos = new TextPosition(null, text.start, 0, new LinkedHashMap<>());
    for (Delta op : delta) {
      if (op instanceof Delta.Insert ins) {
        Object value = ins.insert();
        if (value == null) {
          throw new IllegalArgumentException("a delta insert needs a string or an embed, not null");
        }
        if (!(value instanceof String s) || !s.isEmpty()) {
          TextEdits.insertText(txn, text, pos, value, copy(ins.attributes()));
        }
      } else if (op instanceof Delta.Retain r) {
        TextEdits.formatText(txn, text, pos, r.length(), copy(r.attributes()));
      } else if (op instanceof Delta.Delete d) {
        TextEdits.deleteText(txn, pos, d.length());
      }
    }
  }

  static LinkedHashMap<String, Object> copy(Map<String, Object> attributes) {
    return attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes);
  }
}
