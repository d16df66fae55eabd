package dev.weft.text;

import dev.weft.crdt.internal.FormatContent;
import dev.weft.crdt.internal.Item;
import java.util.LinkedHashMap;

/**
 * A cursor in a text's item list (Yjs's {@code ItemTextListPosition}): the gap between
 * {@link #left} and {@link #right}, the number of visible units before it, and the formatting in
 * effect there, as collected from the format items passed on the way.
 */
final class TextPosition {
  /** The item before the gap, or null at the start. */
  Item left;
  /** The item after the gap, or null at the end. */
  Item right;
  /** Visible units before the gap. */
  int index;
  /** Attributes in effect at the gap (no null values once updated through format items). */
  final LinkedHashMap<String, Object> currentAttributes;

  TextPosition(Item left, Item right, int index, LinkedHashMap<String, Object> currentAttributes) {
    this.left = left;
    this.right = right;
    this.index = index;
    this.currentAttributes = currentAttributes;
  }

  /** Moves past {@link #right}, which must not be null. */
  void forward() {
    if (right == null) {
      throw new IllegalStateException("cannot move past the end of the text");
    }
    if (!right.deleted()) {
      if (right.content instanceof FormatContent f) {
        apply(currentAttributes, f);
      } else {
        index += right.length;
      }
    }
    left = right;
    right = right.right;
  }

  /** Applies one format item to a set of attributes: a null value ends the attribute. */
  static void apply(LinkedHashMap<String, Object> attributes, FormatContent f) {
    Object value = FormatValues.valueOf(f);
    if (value == null) {
      attributes.remove(f.key());
    } else {
      attributes.put(f.key(), value);
    }
  }
}
