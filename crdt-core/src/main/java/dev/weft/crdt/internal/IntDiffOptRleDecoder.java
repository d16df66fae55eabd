package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;

/** Reads what {@link IntDiffOptRleEncoder} writes; reading past the last run is {@code TRUNCATED}. */
final class IntDiffOptRleDecoder {
  private final Decoder dec;
  private long value;
  private long diff;
  private long count;

  IntDiffOptRleDecoder(Decoder dec) {
    this.dec = dec;
  }

  /** The next value; callers check its range (a hostile column can make it anything). */
  long read() {
    if (count == 0) {
      long d = dec.readVarInt();
      diff = Math.floorDiv(d, 2);
      count = (d & 1) != 0 ? dec.readVarUint() + 2 : 1;
    }
    value += diff;
    count--;
    return value;
  }

  /** Whether the column has no bytes left (a run may still have values). */
  boolean atEnd() {
    return !dec.hasRemaining();
  }
}
