package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.DecodingException.Reason;
import dev.weft.crdt.encoding.Encoder;
import dev.weft.crdt.encoding.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads update format v2, the mirror of {@link UpdateEncoderV2}.
 *
 * <p>Each column is length-prefixed; its length is checked against the input before it is sliced
 * off, and every column gets its own bounds-checked {@link Decoder} whose error offsets are offsets
 * in the whole update. Reading past the end of a column is {@code TRUNCATED}, except for the two
 * byte-RLE columns whose last run repeats by design. Decoded clocks are checked to be in
 * [0, 2^53), key clocks to name a key already read or the next one.
 *
 * <p>Limit: run-length encoding lets a few bytes stand for very many equal values, so unlike v1
 * the number of structs in an update is not bounded by its size. Nothing is allocated from a
 * count, but a hostile update can describe very many small structs.
 */
public final class UpdateDecoderV2 implements UpdateDecoder {
  private final Decoder rest;
  private final IntDiffOptRleDecoder keyClocks;
  private final UintOptRleDecoder clients;
  private final IntDiffOptRleDecoder leftClocks;
  private final IntDiffOptRleDecoder rightClocks;
  private final RleDecoder infos;
  private final StringColumnDecoder strings;
  private final RleDecoder parentInfos;
  private final UintOptRleDecoder typeRefs;
  private final UintOptRleDecoder lens;
  private final Decoder[] columns = new Decoder[9];
  /** Keys read so far, by key clock. */
  private final List<String> keys = new ArrayList<>();
  private long dsCurVal;

  public UpdateDecoderV2(byte[] update) {
    this.inputLength = update.length;
    this.structBudget = Math.max(MIN_STRUCT_BUDGET, (long) STRUCTS_PER_BYTE * update.length);
    Decoder head = new Decoder(update);
    head.readVarUint(); // feature flag: reserved, ignored as Yjs ignores it
    for (int i = 0; i < columns.length; i++) {
      columns[i] = column(head);
    }
    keyClocks = new IntDiffOptRleDecoder(columns[0]);
    clients = new UintOptRleDecoder(columns[1]);
    leftClocks = new IntDiffOptRleDecoder(columns[2]);
    rightClocks = new IntDiffOptRleDecoder(columns[3]);
    infos = new RleDecoder(columns[4]);
    strings = new StringColumnDecoder(columns[5]);
    parentInfos = new RleDecoder(columns[6]);
    typeRefs = new UintOptRleDecoder(columns[7]);
    lens = new UintOptRleDecoder(columns[8]);
    int at = head.position();
    rest = new Decoder(update, at, update.length, at);
  }

  private static Decoder column(Decoder head) {
    byte[] bytes = head.readVarBytes();
    return new Decoder(bytes, 0, bytes.length, head.offset() - bytes.length);
  }

  /**
   * Fails unless every column has been read to its end; call after the delete set (the rest is
   * checked by whoever reads the delete set).
   */
  public void requireColumnsEnd() {
    boolean[] ends = {keyClocks.atEnd(), clients.atEnd(), leftClocks.atEnd(), rightClocks.atEnd(),
        infos.atEnd(), strings.atEnd(), parentInfos.atEnd(), typeRefs.atEnd(), lens.atEnd()};
    for (int i = 0; i < ends.length; i++) {
      if (!ends[i]) {
        throw columns[i].error(Reason.TRAILING_BYTES, "unread data in column " + i + " of the update");
      }
    }
  }

  @Override public Decoder rest() { return rest; }
  @Override public int readClientBlockCount() { return rest.readCount("client block", 2); }

  /**
   * Runs of equal column values let a few bytes stand for any number of structs, so the count
   * cannot be checked against the bytes left as v1 does. Real documents compress that well too:
   * text typed backwards and then deleted is a run of equal deleted items that costs almost
   * nothing per struct. So all blocks together may hold {@link #STRUCTS_PER_BYTE} structs per
   * input byte, and never less than {@link #MIN_STRUCT_BUDGET}: enough for such documents, and a
   * bound on what a hostile update can make the decoder allocate.
   */
  @Override
  public int readStructCount() {
    long start = rest.offset();
    int n = rest.readVarUintAsInt("struct count");
    structsRead += n;
    if (structsRead > structBudget) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start, "update claims " + structsRead
          + " structs, more than " + structBudget + " for its " + inputLength + " bytes");
    }
    return n;
  }

  /** How many structs a v2 update may hold per byte of input. */
  static final int STRUCTS_PER_BYTE = 64;
  /** How many structs any v2 update may hold, however small. */
  static final long MIN_STRUCT_BUDGET = 1L << 20;
  private long structsRead;
  private long structBudget;
  private int inputLength;

  @Override public long readClient() { return clients.read(); }
  @Override public int readInfo() { return infos.read(); }
  @Override public Id readLeftId() { return new Id(clients.read(), clock(leftClocks, columns[2])); }
  @Override public Id readRightId() { return new Id(clients.read(), clock(rightClocks, columns[3])); }

  private static long clock(IntDiffOptRleDecoder column, Decoder dec) {
    long start = dec.offset();
    long v = column.read();
    if (v < 0 || v > Encoder.MAX_SAFE_INTEGER) {
      throw new DecodingException(Reason.INCONSISTENT, start, "clock out of range: " + v);
    }
    return v;
  }

  @Override
  public boolean readParentInfo() {
    long start = columns[6].offset();
    int v = parentInfos.read();
    if (v > 1) {
      throw new DecodingException(Reason.UNKNOWN_TAG, start, "parent info must be 0 or 1, was " + v);
    }
    return v == 1;
  }

  @Override public String readString() { return strings.read(); }

  @Override
  public String readKey() {
    long start = columns[0].offset();
    long keyClock = keyClocks.read();
    if (keyClock < 0) {
      throw new DecodingException(Reason.INCONSISTENT, start, "negative key clock " + keyClock);
    }
    if (keyClock < keys.size()) {
      return keys.get((int) keyClock);
    }
    String key = strings.read();
    keys.add(key);
    return key;
  }

  @Override
  public int readTypeRef() {
    long start = columns[7].offset();
    long v = typeRefs.read();
    if (v > TypeRef.XML_TEXT) {
      throw new DecodingException(Reason.UNKNOWN_TAG, start, "unknown type ref " + v);
    }
    return (int) v;
  }

  @Override
  public int readLen() {
    long start = columns[8].offset();
    long v = lens.read();
    if (v > Integer.MAX_VALUE) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start, "length too large: " + v);
    }
    return (int) v;
  }

  @Override public Object readAny() { return rest.readAny(); }
  @Override public byte[] readBuf() { return rest.readVarBytes(); }

  /** An {@code any} value, returned as the JSON text v1 would carry ({@code JSON.stringify}). */
  @Override public String readJsonText() { return Json.stringify(rest.readAny()); }

  @Override public void resetDsCurVal() { dsCurVal = 0; }

  @Override
  public long readDsClock() {
    long start = rest.offset();
    dsCurVal += rest.readVarUint();
    if (dsCurVal > Encoder.MAX_SAFE_INTEGER) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start, "delete range starts past 2^53");
    }
    return dsCurVal;
  }

  @Override
  public long readDsLen() {
    long start = rest.offset();
    long len = rest.readVarUint() + 1;
    dsCurVal += len;
    if (dsCurVal > Encoder.MAX_SAFE_INTEGER) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start, "delete range ends past 2^53");
    }
    return len;
  }
}
