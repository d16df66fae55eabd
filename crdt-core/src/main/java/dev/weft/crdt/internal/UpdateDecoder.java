package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;

/** Reads what {@link UpdateEncoder} writes. Every method fails with a {@code DecodingException}. */
public interface UpdateDecoder {
  Decoder rest();

  long readClient();

  int readInfo();

  Id readLeftId();

  Id readRightId();

  boolean readParentInfo();

  String readString();

  String readKey();

  int readTypeRef();

  /** A struct or content length; lengths beyond 2^31 - 1 are rejected. */
  int readLen();

  Object readAny();

  byte[] readBuf();

  /** JSON text, checked to parse. */
  String readJsonText();

  void resetDsCurVal();

  long readDsClock();

  long readDsLen();
}
