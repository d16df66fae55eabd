package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;

/** Reads what {@link RleEncoder} writes; the last run repeats without end. */
final class RleDecoder {
  private final Decoder dec;
  private int value;
  private long count;
  private boolean forever;

  RleDecoder(Decoder dec) {
    this.dec = dec;
  }

  /** The next value; fails with {@code TRUNCATED} when the column is empty. */
  int read() {
    if (count == 0 && !forever) {
      value = dec.readUint8();
      if (dec.hasRemaining()) {
        count = dec.readVarUint() + 1;
      } else {
        forever = true;
      }
    }
    if (!forever) {
      count--;
    }
    return value;
  }

  /** Whether the column has no bytes left (a run may still have values). */
  boolean atEnd() {
    return !dec.hasRemaining();
  }
}
