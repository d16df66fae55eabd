package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Encoder;

/**
 * The string column of update v2 (lib0 {@code StringEncoder}): all strings concatenated into one
 * UTF-8 string, then their lengths in UTF-16 code units as a {@link UintOptRleEncoder} column.
 *
 * <pre>
 * column := varString(s1 + s2 + …) · uintOptRle(len(s1), len(s2), …)
 * </pre>
 * Because the strings are joined before UTF-8 encoding, a lone high surrogate ending one string
 * and a lone low surrogate starting the next travel as a pair and come back as the two halves,
 * where update v1 would write U+FFFD twice; this mirrors Yjs exactly.
 */
final class StringColumnEncoder {
  private final StringBuilder joined = new StringBuilder();
  private final UintOptRleEncoder lengths = new UintOptRleEncoder();

  void write(String s) {
    joined.append(s);
    lengths.write(s.length());
  }

  /** The column; call once, when everything is written. */
  byte[] toByteArray() {
    Encoder enc = new Encoder();
    enc.writeVarString(joined.toString());
    enc.writeBytes(lengths.toByteArray());
    return enc.toByteArray();
  }
}
