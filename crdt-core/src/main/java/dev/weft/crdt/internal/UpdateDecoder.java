package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;

/** Reads what {@link UpdateEncoder} writes. Every method fails with a {@code DecodingException}. */
public interface UpdateDecoder {
  Decoder rest();

  /** The number of client blocks in a structs section, checked against the input left. */
  default int readClientBlockCount() {
    return rest().readCount("client block", 3);
  }

  /** The number of structs in a client block, checked against the input left. */
  default int readStructCount() {
    return rest().readCount("struct", 2);
  }

  long readClient();

  int readInfo();

  Id readLeftId();

  Id readRightId();

  boolean readParentInfo();

  String readString();

  /**
   * A string as {@link #readString} reads it, as Latin-1 bytes when every code point fits one, or
   * null, having read nothing, when not (or when this format has no such shortcut).
   */
  default byte[] readLatin1String() {
    return null;
  }

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
