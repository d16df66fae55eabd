package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Encoder;

/**
 * The protocol layer of update encoding: one method per field of the format, so that structs and
 * contents write themselves without knowing whether the bytes are update v1 or the column-oriented
 * v2. Mirrored by {@link UpdateDecoder}.
 */
public interface UpdateEncoder {
  /** The encoder for fields that have no column of their own (counts, struct lengths). */
  Encoder rest();

  void writeClient(long client);

  void writeInfo(int info);

  /** The id of an origin, or of the item that holds a parent type. */
  void writeLeftId(Id id);

  void writeRightId(Id id);

  /** {@link #writeLeftId(Id)} without an Id object. */
  default void writeLeftId(long client, long clock) {
    writeLeftId(new Id(client, clock));
  }

  /** {@link #writeRightId(Id)} without an Id object. */
  default void writeRightId(long client, long clock) {
    writeRightId(new Id(client, clock));
  }

  /** True when a root-type name follows, false when an item id follows. */
  void writeParentInfo(boolean isRootName);

  void writeString(String s);

  /**
   * {@link #writeString} of the Latin-1 units {@code latin1[from, to)} (each byte one unit from
   * U+0000 to U+00FF), without making a String of them first.
   */
  default void writeLatin1String(byte[] latin1, int from, int to) {
    writeString(new String(latin1, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  /** A map key, format key or node name. */
  void writeKey(String key);

  void writeTypeRef(int typeRef);

  void writeLen(long length);

  void writeAny(Object value);

  void writeBuf(byte[] bytes);

  /** JSON text, as received or as produced by {@code JSON.stringify}. */
  void writeJsonText(String json);

  /** Starts the delete ranges of a new client. */
  void resetDsCurVal();

  void writeDsClock(long clock);

  void writeDsLen(long length);

  byte[] toByteArray();
}
