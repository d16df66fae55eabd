package dev.weft.text;

import dev.weft.crdt.SharedType;
import dev.weft.crdt.encoding.Json;
import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.Content;
import dev.weft.crdt.internal.EmbedContent;
import dev.weft.crdt.internal.FormatContent;
import dev.weft.crdt.internal.Id;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.JsKeyOrder;
import dev.weft.crdt.internal.SequenceOps;
import dev.weft.crdt.internal.StringContent;
import dev.weft.crdt.internal.Txn;
import dev.weft.crdt.internal.TypeContent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local edits of rich text: insert, format and delete, ported step by step from Yjs's
 * {@code YText.js} ({@code findPosition}, {@code insertText}, {@code insertAttributes},
 * {@code insertNegatedAttributes}, {@code minimizeAttributeChanges}, {@code formatText},
 * {@code deleteText}).
 *
 * <h2>How formatting is stored</h2>
 * Formatting is not a property of characters. A format item {@code key=value} in the item list
 * says "from here on, key has value"; {@code key=null} ends it. Inserting bold text into plain text
 * therefore writes {@code bold=true}, the text, then {@code bold=null}. The steps below keep that
 * list short: they skip format items that already say what is wanted
 * ({@link #minimizeAttributeChanges}), write only the attributes that differ from those in effect
 * ({@link #insertAttributes}), and restore the previous values after the new content
 * ({@link #insertNegatedAttributes}), again skipping any that the following items already restore.
 *
 * <p>Every choice here (which item to skip, which value to write, in which order) changes the
 * items created, so it follows Yjs exactly: the same local edits give the same update bytes.
 */
final class TextEdits {
  private TextEdits() {}

  /**
   * The position before visible unit {@code index}, right after the content that ends there, with
   * the formatting in effect. Without formatting in the text, the engine's index lookup finds the
   * same gap faster than a walk from the start. Where Yjs would start from a search marker
   * ({@code useMarker}, and see {@link SearchMarkers}), so does this.
   */
  static TextPosition find(Txn txn, Branch parent, int index, boolean useMarker) {
    if (index < 0 || index > parent.length) {
      throw new IndexOutOfBoundsException("index=" + index + ", length=" + parent.length);
    }
    SearchMarkers markers = markers(parent);
    if (markers != null) {
      SearchMarkers.Marker m = useMarker ? markers.find(index) : null;
      if (m != null) {
        return advance(txn, new TextPosition(m.p.left, m.p, m.index, new LinkedHashMap<>()), index - m.index);
      }
    } else if (!parent.hasFormatting && index > 0) {
      int[] base = new int[1];
      Item n = SequenceOps.locate(parent, index - 1, base);
      if (index - base[0] < n.length) {
        txn.doc.store.getItemCleanStart(txn, new Id(n.client, n.clock + index - base[0]));
      }
      return new TextPosition(n, n.right, index, new LinkedHashMap<>());
    }
    return advance(txn, new TextPosition(null, parent.start, 0, new LinkedHashMap<>()), index);
  }

  /** Moves {@code pos} right over {@code count} visible units, splitting the last item if needed. */
  static TextPosition advance(Txn txn, TextPosition pos, int count) {
    while (pos.right != null && count > 0) {
      Item r = pos.right;
      if (r.content instanceof FormatContent f) {
        if (!r.deleted()) {
          TextPosition.apply(pos.currentAttributes, f);
        }
      } else if (!r.deleted()) {
        if (count < r.length) {
          txn.doc.store.getItemCleanStart(txn, new Id(r.client, r.clock + count));
        }
        pos.index += r.length;
        count -= r.length;
      }
      pos.left = r;
      pos.right = r.right;
    }
    return pos;
  }

  /**
   * Inserts text (a {@code String}), an embed (a JSON-like value) or a new shared type at
   * {@code pos}, with exactly {@code attributes} (entries with null values: not set).
   */
  static void insertText(Txn txn, Branch parent, TextPosition pos, Object insert,
      LinkedHashMap<String, Object> attributes) {
    parent.beginEditAt(pos.index);
    try {
      insertTextAt(txn, parent, pos, insert, attributes);
    } finally {
      parent.endEdit();
    }
  }

  private static void insertTextAt(Txn txn, Branch parent, TextPosition pos, Object insert,
      LinkedHashMap<String, Object> attributes) {
    for (String key : pos.currentAttributes.keySet()) {
      attributes.putIfAbsent(key, null);
    }
    minimizeAttributeChanges(pos, attributes);
    LinkedHashMap<String, Object> negated = insertAttributes(txn, parent, pos, attributes);
    int index = pos.index;
    Content content = contentOf(insert);
    SearchMarkers markers = markers(parent);
    if (markers != null) {
      markers.update(index, content.length());
    }
    Item item = SequenceOps.insertBetween(txn, parent, pos.left, pos.right, content);
    pos.right = item;
    pos.index = index;
    pos.forward();
    insertNegatedAttributes(txn, parent, pos, negated);
    // the engine's index lookup starts near here next time (editing is local)
    parent.setMarker(item, index);
  }

  /**
   * Inserts unformatted text into a text that holds no format item: what {@link #find} and
   * {@link #insertText} do there (no attributes are in effect, none are written or restored; the
   * new item still goes after the deleted items that follow the gap), without their bookkeeping.
   */
  static void insertPlain(Txn txn, Branch parent, int index, String text) {
    if (index < 0 || index > parent.length) {
      throw new IndexOutOfBoundsException("index=" + index + ", length=" + parent.length);
    }
    Item left = null;
    Item right = parent.start;
    if (index > 0) {
      int[] base = new int[1];
      left = SequenceOps.locate(parent, index - 1, base);
      if (index - base[0] < left.length) {
        txn.doc.store.getItemCleanStart(txn, new Id(left.client, left.clock + index - base[0]));
      }
      right = left.right;
    }
    while (right != null && right.deleted()) {
      left = right;
      right = right.right;
    }
    parent.beginEditAt(index);
    Item item;
    try {
      item = SequenceOps.insertOrGrow(txn, parent, left, right, new StringContent(text));
    } finally {
      parent.endEdit();
    }
    // the text ends the item, which may have grown: the marker goes where the item starts
    parent.setMarker(item, index + text.length() - item.length);
  }

  /**
   * Sets {@code attributes} on the next {@code length} units (null values remove an attribute).
   * Like Yjs, formatting past the end appends that many newlines, the way Quill expects a text to
   * end with one.
   */
  static void formatText(Txn txn, Branch parent, TextPosition pos, int length, LinkedHashMap<String, Object> attributes) {
    minimizeAttributeChanges(pos, attributes);
    LinkedHashMap<String, Object> negated = insertAttributes(txn, parent, pos, attributes);
    scan:
    while (pos.right != null
        && (length > 0 || (!negated.isEmpty() && (pos.right.deleted() || pos.right.content instanceof FormatContent)))) {
      Item r = pos.right;
      if (!r.deleted()) {
        if (r.content instanceof FormatContent f) {
          String key = f.key();
          Object value = FormatValues.valueOf(f);
          if (attributes.containsKey(key)) {
            if (JsValues.equalAttrs(attributes.get(key), value)) {
              negated.remove(key);
            } else {
              if (length == 0) {
                // past the range: a different value here already ends ours
                break scan;
              }
              negated.put(key, value);
            }
            r.delete(txn);
          } else {
            pos.currentAttributes.put(key, value);
          }
        } else {
          if (length < r.length) {
            txn.doc.store.getItemCleanStart(txn, new Id(r.client, r.clock + length));
          }
          length -= r.length;
        }
      }
      pos.forward();
    }
    if (length > 0) {
      pos.right = SequenceOps.insertBetween(txn, parent, pos.left, pos.right, new StringContent("\n".repeat(length)));
      pos.forward();
    }
    insertNegatedAttributes(txn, parent, pos, negated);
  }

  /** Deletes the next {@code length} units and then the format items the deletion made useless. */
  static void deleteText(Txn txn, TextPosition pos, int length) {
    Branch parent = pos.right != null ? pos.right.parent : pos.left != null ? pos.left.parent : null;
    if (parent == null) {
      return; // an empty text: nothing to delete
    }
    parent.beginEditAt(pos.index);
    try {
      deleteTextAt(txn, pos, length);
    } finally {
      parent.endEdit();
    }
  }

  private static void deleteTextAt(Txn txn, TextPosition pos, int length) {
    int startLength = length;
    Item start = pos.right;
    // without format items there is nothing to clean (and no attributes to remember)
    boolean formatted = start != null && start.parent.holdsFormatItems;
    LinkedHashMap<String, Object> startAttributes = formatted ? new LinkedHashMap<>(pos.currentAttributes) : null;
    while (length > 0 && pos.right != null) {
      Item r = pos.right;
      if (!r.deleted() && isContent(r.content)) {
        if (length < r.length) {
          txn.doc.store.getItemCleanStart(txn, new Id(r.client, r.clock + length));
        }
        length -= r.length;
        r.delete(txn);
      }
      pos.forward();
    }
    if (formatted) {
      FormattingCleanup.cleanupGap(txn, start, pos.right, startAttributes, pos.currentAttributes);
    }
    if (pos.right != null) {
      pos.right.parent.setMarker(pos.right, pos.index);
    }
    Item near = pos.left != null ? pos.left : pos.right;
    SearchMarkers markers = near == null ? null : markers(near.parent);
    if (markers != null) {
      markers.update(pos.index, length - startLength);
    }
  }

  /** The search markers Yjs would use for this text, or null (only some root texts have them). */
  private static SearchMarkers markers(Branch text) {
    return text.item == null && text.view() instanceof YText t ? t.activeMarkers() : null;
  }

  /** Skips deleted items and format items that already set what {@code attributes} asks for. */
  private static void minimizeAttributeChanges(TextPosition pos, Map<String, Object> attributes) {
    while (pos.right != null) {
      Item r = pos.right;
      boolean skip = r.deleted()
          || (r.content instanceof FormatContent f && JsValues.equalAttrs(attributes.get(f.key()), FormatValues.valueOf(f)));
      if (!skip) {
        return;
      }
      pos.forward();
    }
  }

  /**
   * Writes a format item for each attribute whose value differs from the one in effect; returns
   * the values to restore afterwards.
   */
  private static LinkedHashMap<String, Object> insertAttributes(Txn txn, Branch parent, TextPosition pos,
      Map<String, Object> attributes) {
    LinkedHashMap<String, Object> negated = new LinkedHashMap<>();
    for (String key : JsValues.keys(attributes)) {
      Object value = attributes.get(key);
      Object current = pos.currentAttributes.get(key);
      if (!JsValues.equalAttrs(current, value)) {
        negated.put(key, current);
        pos.right = SequenceOps.insertBetween(txn, parent, pos.left, pos.right, FormatValues.create(key, value));
        pos.forward();
      }
    }
    return negated;
  }

  /**
   * Restores the attributes in {@code negated} after inserted or formatted content, except those
   * that the following format items restore anyway.
   */
  private static void insertNegatedAttributes(Txn txn, Branch parent, TextPosition pos, LinkedHashMap<String, Object> negated) {
    while (pos.right != null) {
      Item r = pos.right;
      boolean skip = r.deleted()
          || (r.content instanceof FormatContent f && negated.containsKey(f.key())
              && JsValues.equalAttrs(negated.get(f.key()), FormatValues.valueOf(f)));
      if (!skip) {
        break;
      }
      if (!r.deleted()) {
        negated.remove(((FormatContent) r.content).key());
      }
      pos.forward();
    }
    for (Map.Entry<String, Object> e : negated.entrySet()) {
      pos.right = SequenceOps.insertBetween(txn, parent, pos.left, pos.right, FormatValues.create(e.getKey(), e.getValue()));
      pos.forward();
    }
  }

  /** Whether the content takes visible room in a text (string, embed, nested type). */
  static boolean isContent(Content c) {
    return c instanceof StringContent || c instanceof EmbedContent || c instanceof TypeContent;
  }

  private static Content contentOf(Object insert) {
    if (insert instanceof String s) {
      return new StringContent(s);
    }
    if (insert instanceof SharedType t) {
      return SequenceOps.contentOf(t);
    }
    return new EmbedContent(Json.stringify(JsKeyOrder.apply(insert)));
  }
}
