package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.DecodingException.Reason;
import dev.weft.crdt.encoding.Json;

/** Reads update format v1, the mirror of {@link UpdateEncoderV1}. */
public final class UpdateDecoderV1 implements UpdateDecoder {
  private final Decoder dec;

  public UpdateDecoderV1(Decoder dec) {
    this.dec = dec;
  }

  public UpdateDecoderV1(byte[] bytes) {
    this(new Decoder(bytes));
  }

  @Override public Decoder rest() { return dec; }
  @Override public long readClient() { return dec.readVarUint(); }
  @Override public int readInfo() { return dec.readUint8(); }
  @Override public Id readLeftId() { return new Id(dec.readVarUint(), dec.readVarUint()); }
  @Override public Id readRightId() { return new Id(dec.readVarUint(), dec.readVarUint()); }

  @Override
  public boolean readParentInfo() {
    long start = dec.offset();
    long v = dec.readVarUint();
    if (v > 1) {
      throw new DecodingException(Reason.UNKNOWN_TAG, start, "parent info must be 0 or 1, was " + v);
    }
    return v == 1;
  }

  @Override public String readString() { return dec.readVarString(); }
  @Override public byte[] readLatin1String() { return dec.readVarLatin1String(); }
  @Override public String readKey() { return dec.readVarString(); }

  @Override
  public int readTypeRef() {
    long start = dec.offset();
    long v = dec.readVarUint();
    if (v > TypeRef.XML_TEXT) {
      throw new DecodingException(Reason.UNKNOWN_TAG, start, "unknown type ref " + v);
    }
    return (int) v;
  }

  @Override
  public int readLen() {
    return dec.readVarUintAsInt("length");
  }

  @Override public Object readAny() { return dec.readAny(); }
  @Override public byte[] readBuf() { return dec.readVarBytes(); }

  @Override
  public String readJsonText() {
    long start = dec.offset();
    String text = dec.readVarString();
    try {
      Json.parse(text);
    } catch (DecodingException e) {
      throw new DecodingException(Reason.BAD_JSON, start, "embedded JSON does not parse: " + e.getMessage());
    }
    return text;
  }

  @Override public void resetDsCurVal() {}
  @Override public long readDsClock() { return dec.readVarUint(); }
  @Override public long readDsLen() { return dec.readVarUint(); }
}
