package dev.weft.crdt;

import java.util.List;
import java.util.Map;

/**
 * One step of a change delta in the Quill format that Yjs uses: retain, insert or delete, walked
 * from the start of a sequence. Text deltas insert strings or embeds and carry formatting
 * attributes; array deltas insert lists of values.
 */
public sealed interface Delta {
  /** Keep {@code length} units; attributes, when not null, changed on them. */
  record Retain(int length, Map<String, Object> attributes) implements Delta {
    public Retain(int length) {
      this(length, null);
    }
  }

  /**
   * Inserted content: a {@code String} for text, an embed value, or a {@code List} of values for
   * arrays; attributes, when not null, are the formatting of inserted text.
   */
  record Insert(Object insert, Map<String, Object> attributes) implements Delta {
    public Insert(Object insert) {
      this(insert, null);
    }

    /** The number of units inserted. */
    public int length() {
      if (insert instanceof String s) {
        return s.length();
      }
      if (insert instanceof List<?> l) {
        return l.size();
      }
      return 1;
    }
  }

  /** Remove {@code length} units. */
  record Delete(int length) implements Delta {}
}
