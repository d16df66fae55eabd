package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;

/** Reads what {@link UintOptRleEncoder} writes; reading past the last run is {@code TRUNCATED}. */
final class UintOptRleDecoder {
  private final Decoder dec;
  private long value;
  private long count;

  UintOptRleDecoder(Decoder dec) {
    this.dec = dec;
  }

  long read() {
    if (count == 0) {
      long v = dec.readVarInt();
      if (dec.lastVarIntWasNegative()) {
        value = -v;
        count = dec.readVarUint() + 2;
      } else {
        value = v;
        count = 1;
      }
    }
    count--;
    return value;
  }

  /** Whether the column has no bytes left (a run may still have values). */
  boolean atEnd() {
    return !dec.hasRemaining();
  }
}
