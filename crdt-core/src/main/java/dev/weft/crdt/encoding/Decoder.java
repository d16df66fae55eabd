package dev.weft.crdt.encoding;

import dev.weft.crdt.encoding.DecodingException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads lib0's encodings from a byte array: the mirror of {@link Encoder}.
 *
 * <p>Every read checks its bounds and fails with a {@link DecodingException} naming the reason and
 * the offset; nothing here allocates more than the input could justify (a count is never used to
 * size a collection beyond the bytes that remain), so hostile input cannot make it hang or run out
 * of memory.
 */
public final class Decoder {
  /** Nesting limit for {@code any} values, so a deep input cannot overflow the stack. */
  public static final int MAX_ANY_DEPTH = 256;

  private final byte[] buf;
  private final int end;
  private final long base;
  private int pos;

  public Decoder(byte[] bytes) {
    this(bytes, 0, bytes.length, 0);
  }

  /**
   * A decoder over {@code bytes[from, to)}; {@code base} is added to positions in error messages so
   * a nested payload reports offsets in its enclosing message.
   */
  public Decoder(byte[] bytes, int from, int to, long base) {
    this.buf = bytes;
    this.pos = from;
    this.end = to;
    this.base = base - from;
  }

  /** The absolute offset of the next byte, for error messages. */
  public long offset() {
    return base + pos;
  }

  /** Index of the next byte in the underlying array. */
  public int position() {
    return pos;
  }

  public boolean hasRemaining() {
    return pos < end;
  }

  public int remaining() {
    return end - pos;
  }

  /** Fails unless every byte has been read. */
  public void requireEnd(String what) {
    if (pos != end) {
      throw new DecodingException(Reason.TRAILING_BYTES, offset(), (end - pos) + " bytes after " + what);
    }
  }

  public DecodingException error(Reason reason, String detail) {
    return new DecodingException(reason, offset(), detail);
  }

  private DecodingException truncated(String what) {
    return new DecodingException(Reason.TRUNCATED, offset(), "input ends inside " + what);
  }

  public int readUint8() {
    if (pos >= end) {
      throw truncated("a byte");
    }
    return buf[pos++] & 0xff;
  }

  /** Reads a varUint of at most 2^53 - 1. */
  public long readVarUint() {
    long start = offset();
    long value = 0;
    int shift = 0;
    while (true) {
      if (pos >= end) {
        throw truncated("a varUint");
      }
      int b = buf[pos++] & 0xff;
      if (shift > 49) {
        throw new DecodingException(Reason.BAD_VARINT, start, "varUint has too many groups");
      }
      value |= (long) (b & 0x7f) << shift;
      if (value > Encoder.MAX_SAFE_INTEGER) {
        throw new DecodingException(Reason.BAD_VARINT, start, "varUint exceeds 2^53 - 1");
      }
      if (b < 0x80) {
        return value;
      }
      shift += 7;
    }
  }

  /** Reads a varUint that must fit an {@code int} (a length or a count). */
  public int readVarUintAsInt(String what) {
    long start = offset();
    long v = readVarUint();
    if (v > Integer.MAX_VALUE) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start, what + " too large: " + v);
    }
    return (int) v;
  }

  /**
   * Reads a count of items that each take at least {@code minBytesEach} bytes, and fails if the
   * rest of the input cannot hold that many.
   */
  public int readCount(String what, int minBytesEach) {
    long start = offset();
    long v = readVarUint();
    if (v * Math.max(1, minBytesEach) > remaining()) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start,
          what + " count " + v + " exceeds the " + remaining() + " bytes left");
    }
    return (int) v;
  }

  /** Reads a signed varInt; the sign of "negative zero" is lost (see {@link #readVarIntSigned}). */
  public long readVarInt() {
    long start = offset();
    if (pos >= end) {
      throw truncated("a varInt");
    }
    int first = buf[pos++] & 0xff;
    long value = first & 0x3f;
    boolean negative = (first & 0x40) != 0;
    if ((first & 0x80) != 0) {
      int shift = 6;
      while (true) {
        if (pos >= end) {
          throw truncated("a varInt");
        }
        int b = buf[pos++] & 0xff;
        if (shift > 48) {
          throw new DecodingException(Reason.BAD_VARINT, start, "varInt has too many groups");
        }
        value |= (long) (b & 0x7f) << shift;
        if (value > Encoder.MAX_SAFE_INTEGER) {
          throw new DecodingException(Reason.BAD_VARINT, start, "varInt exceeds 2^53 - 1");
        }
        if (b < 0x80) {
          break;
        }
        shift += 7;
      }
    }
    lastVarIntNegative = negative;
    return negative ? -value : value;
  }

  private boolean lastVarIntNegative;

  /** Whether the last {@link #readVarInt} carried the sign bit (true also for "negative zero"). */
  public boolean lastVarIntWasNegative() {
    return lastVarIntNegative;
  }

  /** Reads {@code count} raw bytes. */
  public byte[] readBytes(int count) {
    if (count < 0 || count > end - pos) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, offset(),
          "length " + count + " exceeds the " + (end - pos) + " bytes left");
    }
    byte[] out = new byte[count];
    System.arraycopy(buf, pos, out, 0, count);
    pos += count;
    return out;
  }

  /** Reads a length-prefixed byte array. */
  public byte[] readVarBytes() {
    long start = offset();
    long n = readVarUint();
    if (n > end - pos) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start,
          "length " + n + " exceeds the " + (end - pos) + " bytes left");
    }
    return readBytes((int) n);
  }

  /** Reads a length-prefixed, strictly decoded UTF-8 string. */
  public String readVarString() {
    long start = offset();
    long n = readVarUint();
    if (n > end - pos) {
      throw new DecodingException(Reason.LENGTH_OUT_OF_RANGE, start,
          "string length " + n + " exceeds the " + (end - pos) + " bytes left");
    }
    String s = Utf8.decode(buf, pos, (int) n, base);
    pos += (int) n;
    return s;
  }

  /**
   * The mirror of {@link Encoder#writeVarLatin1String}: a string whose code points all lie in
   * U+0000 to U+00FF, as Latin-1 bytes (one per code point), without making a {@link String}; or
   * null, having read nothing, when the string holds anything else (then {@link #readVarString}
   * reads it, and rejects what is malformed).
   */
  public byte[] readVarLatin1String() {
    int start = pos;
    long n = readVarUint();
    if (n > end - pos) {
      pos = start;
      return null;
    }
    int from = pos;
    int to = from + (int) n;
    int high = 0;
    for (int i = from; i < to; i++) {
      int b = buf[i];
      if (b < 0) { // not ASCII: only C2 xx and C3 xx, U+0080 to U+00FF, are Latin-1
        if ((b & 0xFE) != 0xC2 || i + 1 >= to || (buf[i + 1] & 0xC0) != 0x80) {
          pos = start;
          return null;
        }
        high++;
        i++;
      }
    }
    byte[] latin1 = new byte[to - from - high];
    if (high == 0) {
      System.arraycopy(buf, from, latin1, 0, latin1.length);
    } else {
      for (int i = from, o = 0; i < to; i++, o++) {
        int b = buf[i];
        latin1[o] = (byte) (b >= 0 ? b : ((b & 0x03) << 6) | (buf[++i] & 0x3F));
      }
    }
    pos = to;
    return latin1;
  }

  public float readFloat32() {
    return Float.intBitsToFloat((int) readBigEndian(4));
  }

  public double readFloat64() {
    return Double.longBitsToDouble(readBigEndian(8));
  }

  public long readBigInt64() {
    return readBigEndian(8);
  }

  private long readBigEndian(int bytes) {
    if (end - pos < bytes) {
      throw truncated("a " + bytes + "-byte number");
    }
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = (v << 8) | (buf[pos++] & 0xff);
    }
    return v;
  }

  /** Reads a value written by {@link Encoder#writeAny}; see {@link AnyTag} for the Java types. */
  public Object readAny() {
    return readAny(0);
  }

  private Object readAny(int depth) {
    if (depth > MAX_ANY_DEPTH) {
      throw error(Reason.LENGTH_OUT_OF_RANGE, "any value nested deeper than " + MAX_ANY_DEPTH);
    }
    long start = offset();
    int tag = readUint8();
    switch (tag) {
      case AnyTag.UNDEFINED:
        return Undefined.INSTANCE;
      case AnyTag.NULL:
        return null;
      case AnyTag.INTEGER: {
        long v = readVarInt();
        if (v == 0 && lastVarIntNegative) {
          return -0.0d; // JavaScript's negative zero; written back as the same bytes
        }
        return v == (int) v ? (Object) (int) v : (Object) v;
      }
      case AnyTag.FLOAT32:
        return (double) readFloat32();
      case AnyTag.FLOAT64:
        return readFloat64();
      case AnyTag.BIGINT:
        return new BigInt64(readBigInt64());
      case AnyTag.FALSE:
        return Boolean.FALSE;
      case AnyTag.TRUE:
        return Boolean.TRUE;
      case AnyTag.STRING:
        return readVarString();
      case AnyTag.OBJECT: {
        int n = readCount("object entry", 2);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          String key = readVarString();
          map.put(key, readAny(depth + 1));
        }
        return map;
      }
      case AnyTag.ARRAY: {
        int n = readCount("array element", 1);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readAny(depth + 1));
        }
        return list;
      }
      case AnyTag.BYTES:
        return readVarBytes();
      default:
        throw new DecodingException(Reason.UNKNOWN_TAG, start, "unknown any tag " + tag);
    }
  }
}
