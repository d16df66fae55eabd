package dev.weft.crdt.encoding;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An append-only byte buffer that writes lib0's encodings: the byte layer under every Yjs format.
 *
 * <p>Variable-length unsigned integers are little-endian groups of seven bits with a continuation
 * bit; signed ones keep the sign in bit 6 of the first byte and carry the magnitude (not two's
 * complement). Floats are big-endian. Strings are a byte length and UTF-8, with every lone
 * surrogate written as U+FFFD, as a browser's {@code TextEncoder} does. Each {@code writeX} has its
 * mirror {@code readX} in {@link Decoder}.
 */
public final class Encoder {
  /** The largest integer JavaScript represents exactly, and so the largest varUint lib0 writes. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private byte[] buf;
  private int len;

  public Encoder() {
    this(64);
  }

  public Encoder(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Number of bytes written so far. */
  public int length() {
    return len;
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** The size of the buffer: what has been written plus the room left. */
  public int capacity() {
    return buf.length;
  }

  /** Forgets everything written and replaces the buffer by one of {@code capacity} bytes. */
  public void shrink(int capacity) {
    len = 0;
    buf = new byte[Math.max(16, capacity)];
  }

  /** Forgets everything written, keeping the buffer for reuse. */
  public void reset() {
    len = 0;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  public void writeUint8(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  /** Writes {@code value} (0 to 2^53 - 1) as a varUint. */
  public void writeVarUint(long value) {
    if ((value & ~0x7fL) == 0 && len < buf.length) {
      buf[len++] = (byte) value; // one byte: most lengths, infos and small clocks
      return;
    }
    if (value < 0 || value > MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("varUint out of range: value=" + value);
    }
    ensure(8);
    byte[] b = buf; // locals: the loop then keeps them in registers
    int n = len;
    while (value > 0x7f) {
      b[n++] = (byte) (0x80 | (value & 0x7f));
      value >>>= 7;
    }
    b[n++] = (byte) value;
    len = n;
  }

  /** Writes a signed varInt: sign in bit 6 of the first byte, magnitude in the rest. */
  public void writeVarInt(long value) {
    writeVarInt(Math.abs(value), value < 0);
  }

  /**
   * Writes a signed varInt from magnitude and sign, so that "negative zero" (which the v2 format
   * uses as a flag) can be written.
   */
  public void writeVarInt(long magnitude, boolean negative) {
    if (magnitude < 0 || magnitude > MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("varInt out of range: magnitude=" + magnitude);
    }
    ensure(9);
    int first = (int) (magnitude & 0x3f) | (negative ? 0x40 : 0);
    magnitude >>>= 6;
    if (magnitude > 0) {
      first |= 0x80;
    }
    buf[len++] = (byte) first;
    while (magnitude > 0) {
      buf[len++] = (byte) ((magnitude > 0x7f ? 0x80 : 0) | (magnitude & 0x7f));
      magnitude >>>= 7;
    }
  }

  /** Writes raw bytes, without a length. */
  public void writeBytes(byte[] bytes) {
    writeBytes(bytes, 0, bytes.length);
  }

  public void writeBytes(byte[] bytes, int from, int count) {
    ensure(count);
    System.arraycopy(bytes, from, buf, len, count);
    len += count;
  }

  /** Writes a length-prefixed byte array (lib0 {@code writeVarUint8Array}). */
  public void writeVarBytes(byte[] bytes) {
    writeVarUint(bytes.length);
    writeBytes(bytes);
  }

  /** Writes a length-prefixed UTF-8 string; lone surrogates become U+FFFD. */
  public void writeVarString(String s) {
    int utf8 = Utf8.encodedLength(s);
    writeVarUint(utf8);
    ensure(utf8);
    len = Utf8.encode(s, buf, len);
  }

  /**
   * Writes {@code latin1[from, to)}, bytes that each stand for one code point from U+0000 to
   * U+00FF, as {@link #writeVarString} writes the same text: a byte length and UTF-8.
   */
  public void writeVarLatin1String(byte[] latin1, int from, int to) {
    int high = 0;
    for (int i = from; i < to; i++) {
      high += latin1[i] >>> 31; // 1 for U+0080 to U+00FF, which take two bytes
    }
    int utf8 = to - from + high;
    writeVarUint(utf8);
    ensure(utf8);
    byte[] b = buf;
    int n = len;
    if (high == 0) {
      System.arraycopy(latin1, from, b, n, to - from);
      n += to - from;
    } else {
      for (int i = from; i < to; i++) {
        int c = latin1[i] & 0xFF;
        if (c < 0x80) {
          b[n++] = (byte) c;
        } else {
          b[n++] = (byte) (0xC0 | (c >>> 6));
          b[n++] = (byte) (0x80 | (c & 0x3F));
        }
      }
    }
    len = n;
  }

  public void writeFloat32(float f) {
    writeBigEndian(Float.floatToIntBits(f) & 0xffffffffL, 4);
  }

  public void writeFloat64(double d) {
    writeBigEndian(Double.doubleToLongBits(d), 8);
  }

  public void writeBigInt64(long v) {
    writeBigEndian(v, 8);
  }

  private void writeBigEndian(long v, int bytes) {
    ensure(bytes);
    for (int i = bytes - 1; i >= 0; i--) {
      buf[len++] = (byte) (v >>> (8 * i));
    }
  }

  /**
   * Writes a JSON-like value with lib0's {@code writeAny} tags. Numbers follow JavaScript's rule:
   * an integer whose magnitude fits 31 bits is a varInt, a value a float32 holds exactly is a
   * float32, anything else a float64. See {@link AnyTag} for the Java types accepted.
   */
  public void writeAny(Object value) {
    if (value == null) {
      writeUint8(AnyTag.NULL);
    } else if (value instanceof Undefined) {
      writeUint8(AnyTag.UNDEFINED);
    } else if (value instanceof String s) {
      writeUint8(AnyTag.STRING);
      writeVarString(s);
    } else if (value instanceof Boolean b) {
      writeUint8(b ? AnyTag.TRUE : AnyTag.FALSE);
    } else if (value instanceof Number n) {
      writeNumber(n);
    } else if (value instanceof BigInt64 big) {
      writeUint8(AnyTag.BIGINT);
      writeBigInt64(big.value());
    } else if (value instanceof byte[] bytes) {
      writeUint8(AnyTag.BYTES);
      writeVarBytes(bytes);
    } else if (value instanceof Map<?, ?> map) {
      writeUint8(AnyTag.OBJECT);
      writeVarUint(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writeVarString(String.valueOf(e.getKey()));
        writeAny(e.getValue());
      }
    } else if (value instanceof List<?> list) {
      writeUint8(AnyTag.ARRAY);
      writeVarUint(list.size());
      for (Object o : list) {
        writeAny(o);
      }
    } else if (value instanceof Object[] array) {
      writeAny(Arrays.asList(array));
    } else {
      throw new IllegalArgumentException("not a JSON-like value: " + value.getClass().getName());
    }
  }

  private void writeNumber(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      long l = n.longValue();
      if (Math.abs(l) <= Integer.MAX_VALUE) {
        writeUint8(AnyTag.INTEGER);
        writeVarInt(l);
        return;
      }
    }
    double d = n.doubleValue();
    if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) <= Integer.MAX_VALUE) {
      writeUint8(AnyTag.INTEGER);
      long l = (long) d;
      writeVarInt(Math.abs(l), l < 0 || (l == 0 && Double.doubleToRawLongBits(d) < 0));
    } else if ((double) (float) d == d) {
      // NaN fails this test as it fails lib0's, and is written as a float64 like there
      writeUint8(AnyTag.FLOAT32);
      writeFloat32((float) d);
    } else {
      writeUint8(AnyTag.FLOAT64);
      writeFloat64(d);
    }
  }
}
