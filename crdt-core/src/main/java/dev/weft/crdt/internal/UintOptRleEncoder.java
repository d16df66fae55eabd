package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Encoder;

/**
 * Run-length encoding of unsigned integers that costs nothing for values that occur once (lib0
 * {@code UintOptRleEncoder}); used for clients, type refs, lengths and string lengths in update v2.
 *
 * <pre>
 * run := varInt(+value)                      a value once
 *      | varInt(-value) · varUint(count - 2)  a value count ≥ 2 times (0 repeated is "-0": 0x40)
 * </pre>
 * Mirrored by {@link UintOptRleDecoder}.
 */
final class UintOptRleEncoder {
  private final Encoder enc = new Encoder();
  private long value;
  private long count;
  private boolean finished;

  void write(long v) {
    if (finished) {
      throw new IllegalStateException("column already finished");
    }
    if (value == v) {
      count++;
    } else {
      flush();
      count = 1;
      value = v;
    }
  }

  private void flush() {
    if (count > 0) {
      enc.writeVarInt(value, count > 1);
      if (count > 1) {
        enc.writeVarUint(count - 2);
      }
    }
  }

  /** Flushes the last run and returns the column; call once, when everything is written. */
  byte[] toByteArray() {
    if (!finished) {
      flush();
      finished = true;
    }
    return enc.toByteArray();
  }
}
