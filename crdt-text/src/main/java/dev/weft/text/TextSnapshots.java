package dev.weft.text;

import dev.weft.crdt.Delta;
import dev.weft.crdt.RelativePosition;
import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.EmbedContent;
import dev.weft.crdt.internal.FormatContent;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.SnapshotState;
import dev.weft.crdt.internal.SnapshotViews;
import dev.weft.crdt.internal.StringContent;
import dev.weft.crdt.internal.TypeContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A text as it was at a snapshot, optionally compared with an earlier one (Yjs's
 * {@code YText.toDelta(snapshot, prevSnapshot, computeYChange)}). Text visible at either snapshot
 * is listed; with both given, text that the later snapshot no longer shows carries the attribute
 * {@code ychange: {type: "removed"}} and text the earlier one did not show yet
 * {@code ychange: {type: "added"}}, as version-history views display them. Formatting counts as
 * it was at {@code snapshot}.
 */
final class TextSnapshots {
  private static final String YCHANGE = "ychange";

  private TextSnapshots() {}

  /**
   * The delta at {@code snapshot} (null: the current state), compared with {@code prev} (or null).
   * {@code computeYChange} receives "added" or "removed" and the id of the first unit of a run
   * and returns the {@code ychange} value; null gives {@code {type}}.
   */
  static List<Delta> toDelta(Branch text, SnapshotState snapshot, SnapshotState prev,
      BiFunction<String, RelativePosition.ItemId, Object> computeYChange) {
    if (snapshot == null && prev == null) {
      return TextDeltas.toDelta(text);
    }
    SnapshotState split = snapshot != null ? snapshot : prev;
    return SnapshotViews.read(text, split, txn -> {
      if (snapshot != null && prev != null) {
        prev.splitAt(txn);
      }
      return compute(text, snapshot, prev, computeYChange);
    });
  }

  private static boolean visible(Item n, SnapshotState s) {
    return s == null ? !n.deleted() : s.isVisible(n);
  }

  private static List<Delta> compute(Branch text, SnapshotState snapshot, SnapshotState prev,
      BiFunction<String, RelativePosition.ItemId, Object> computeYChange) {
    List<Delta> ops = new ArrayList<>();
    LinkedHashMap<String, Object> current = new LinkedHashMap<>();
    StringBuilder str = new StringBuilder();
    for (Item n = text.start; n != null; n = n.right) {
      if (!(visible(n, snapshot) || (prev != null && visible(n, prev)))) {
        continue;
      }
      if (n.content instanceof StringContent s) {
        Object cur = current.get(YCHANGE);
        if (snapshot != null && !visible(n, snapshot)) {
          if (startsRun(cur, "removed", n)) {
            pack(ops, str, current);
            current.put(YCHANGE, change(computeYChange, "removed", n));
          }
        } else if (prev != null && !visible(n, prev)) {
          if (startsRun(cur, "added", n)) {
            pack(ops, str, current);
            current.put(YCHANGE, change(computeYChange, "added", n));
          }
        } else if (cur != null) {
          pack(ops, str, current);
          current.remove(YCHANGE);
        }
        str.append(s.string());
      } else if (n.content instanceof EmbedContent || n.content instanceof TypeContent) {
        pack(ops, str, current);
        ops.add(new Delta.Insert(TextDeltas.embedValue(n), current.isEmpty() ? null : JsValues.object(current)));
      } else if (n.content instanceof FormatContent f && visible(n, snapshot)) {
        pack(ops, str, current);
        TextPosition.apply(current, f);
      }
    }
    pack(ops, str, current);
    return ops;
  }

  /** Yjs starts a new run unless the current change has the same type and names this client. */
  private static boolean startsRun(Object cur, String type, Item n) {
    if (!(cur instanceof Map<?, ?> m)) {
      return true;
    }
    Object user = m.get("user");
    return !(user instanceof Number u && u.longValue() == n.client) || !type.equals(m.get("type"));
  }

  private static Object change(BiFunction<String, RelativePosition.ItemId, Object> computeYChange,
      String type, Item n) {
    if (computeYChange != null) {
      return computeYChange.apply(type, new RelativePosition.ItemId(n.client, n.clock));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    return m;
  }

  private static void pack(List<Delta> ops, StringBuilder str, Map<String, Object> current) {
    if (str.length() > 0) {
      ops.add(new Delta.Insert(str.toString(), current.isEmpty() ? null : JsValues.object(current)));
      str.setLength(0);
    }
  }
}
