package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.DecodingException.Reason;

/** Reads what {@link StringColumnEncoder} writes; each length is checked against the joined string. */
final class StringColumnDecoder {
  private final Decoder dec;
  private final String joined;
  private final UintOptRleDecoder lengths;
  private int pos;

  StringColumnDecoder(Decoder dec) {
    this.dec = dec;
    this.joined = dec.readVarString();
    this.lengths = new UintOptRleDecoder(dec);
  }

  String read() {
    long start = dec.offset();
    long len = lengths.read();
    if (len > joined.length() - pos) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start,
          "string length " + len + " exceeds the " + (joined.length() - pos) + " characters left");
    }
    String s = joined.substring(pos, pos + (int) len);
    pos += (int) len;
    return s;
  }

  /** Whether every character and every length has been read. */
  boolean atEnd() {
    return pos == joined.length() && !dec.hasRemaining();
  }
}
