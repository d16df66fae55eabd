package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Encoder;

/**
 * Differences between successive integers, run-length encoded (lib0 {@code IntDiffOptRleEncoder});
 * used for the left and right clocks and the key clocks of update v2, which mostly grow by a
 * constant step.
 *
 * <pre>
 * run := varInt(diff * 2)                         a difference once
 *      | varInt(diff * 2 + 1) · varUint(count - 2) a difference count ≥ 2 times
 * </pre>
 * The first difference is taken from 0. Mirrored by {@link IntDiffOptRleDecoder}.
 */
final class IntDiffOptRleEncoder {
  private final Encoder enc = new Encoder();
  private long last;
  private long diff;
  private long count;
  private boolean finished;

  void write(long v) {
    if (finished) {
      throw new IllegalStateException("column already finished");
    }
    if (diff == v - last) {
      count++;
    } else {
      flush();
      count = 1;
      diff = v - last;
    }
    last = v;
  }

  private void flush() {
    if (count > 0) {
      enc.writeVarInt(diff * 2 + (count == 1 ? 0 : 1));
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
