package dev.weft.crdt.encoding;

/**
 * UTF-8 exactly as browsers do it: on write, every lone surrogate becomes U+FFFD ({@code EF BF BD})
 * the way {@code TextEncoder} replaces it (Java's own encoder would write {@code ?}); on read,
 * anything that is not well-formed UTF-8 is an error, as with a fatal {@code TextDecoder}.
 */
final class Utf8 {
  private Utf8() {}

  static int encodedLength(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 2; // four bytes for two chars
        i++;
      } else {
        bytes += 2; // three bytes, including U+FFFD for a lone surrogate
      }
    }
    return bytes;
  }

  /** Encodes {@code s} into {@code out} at {@code pos}; returns the position after it. */
  static int encode(String s, byte[] out, int pos) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[pos++] = (byte) c;
      } else if (c < 0x800) {
        out[pos++] = (byte) (0xc0 | (c >> 6));
        out[pos++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          out[pos++] = (byte) (0xf0 | (cp >> 18));
          out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
          out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
          out[pos++] = (byte) (0x80 | (cp & 0x3f));
        } else {
          out[pos++] = (byte) 0xef;
          out[pos++] = (byte) 0xbf;
          out[pos++] = (byte) 0xbd;
        }
      } else {
        out[pos++] = (byte) (0xe0 | (c >> 12));
        out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        out[pos++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return pos;
  }

  /** Strictly decodes {@code len} bytes at {@code from}; {@code base} is used for error offsets. */
  static String decode(byte[] in, int from, int len, long base) {
    int ascii = from;
    while (ascii < from + len && in[ascii] >= 0) {
      ascii++;
    }
    if (ascii == from + len) {
      // all ASCII (most text): Latin-1 decoding gives the same characters in one copy
      return new String(in, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    char[] out = new char[len];
    int o = 0;
    int i = from;
    int end = from + len;
    while (i < end) {
      int b = in[i] & 0xff;
      if (b < 0x80) {
        out[o++] = (char) b;
        i++;
        continue;
      }
      int need;
      int cp;
      int min;
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
        cp = b & 0x1f;
        min = 0x80;
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        cp = b & 0x0f;
        min = 0x800;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        cp = b & 0x07;
        min = 0x10000;
      } else {
        throw bad(base + i);
      }
      if (i + need >= end) {
        throw bad(base + i);
      }
      for (int k = 1; k <= need; k++) {
        int cb = in[i + k] & 0xff;
        if ((cb & 0xc0) != 0x80) {
          throw bad(base + i);
        }
        cp = (cp << 6) | (cb & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        throw bad(base + i);
      }
      if (cp >= 0x10000) {
        out[o++] = Character.highSurrogate(cp);
        out[o++] = Character.lowSurrogate(cp);
      } else {
        out[o++] = (char) cp;
      }
      i += need + 1;
    }
    return new String(out, 0, o);
  }

  private static DecodingException bad(long offset) {
    return new DecodingException(DecodingException.Reason.BAD_UTF8, offset, "malformed UTF-8");
  }
}
