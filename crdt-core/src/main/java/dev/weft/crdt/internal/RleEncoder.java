package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Encoder;

/**
 * Run-length encoding of bytes, for the info and parent-info columns of update v2 (lib0
 * {@code RleEncoder} with {@code writeUint8}).
 *
 * <pre>
 * column := (uint8 value · varUint(count - 1))* · uint8 value
 * </pre>
 * The last run has no count: a reader repeats its value for as long as it is asked. Mirrored by
 * {@link RleDecoder}.
 */
final class RleEncoder {
  private final Encoder enc = new Encoder();
  private int value = -1;
  private long count;

  void write(int v) {
    if (count > 0 && value == v) {
      count++;
      return;
    }
    if (count > 0) {
      enc.writeVarUint(count - 1);
    }
    count = 1;
    enc.writeUint8(v);
    value = v;
  }

  /** The column; the pending run needs no count, so this may be called at any time. */
  byte[] toByteArray() {
    return enc.toByteArray();
  }
}
