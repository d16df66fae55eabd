package dev.weft.crdt.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run of text, one unit per UTF-16 code unit (JavaScript's {@code string.length}).
 *
 * <p>Cutting inside a surrogate pair would leave two invalid halves, which UTF-8 cannot carry; as
 * Yjs does, both halves become U+FFFD, so every replica that splits there agrees.
 *
 * <p>A lone surrogate in inserted text is stored as U+FFFD right away. The bytes sent are the
 * same either way (UTF-8 has no lone surrogates, so Yjs's encoder writes U+FFFD too), but keeping
 * the original locally would let the inserting replica see a different text than everyone else
 * once two halves meet again.
 *
 * <h2>Storage</h2>
 * A document holds one of these per run of text, so the text is kept in a bare array rather than
 * in a {@link String} (whose object would add 24 bytes to every run): a {@code byte[]} of Latin-1
 * units when every unit is at most U+00FF, as {@code String} itself does, else a {@code char[]}.
 * Exact arrays are never changed once made (splitting and merging make new ones), so the one-unit
 * Latin-1 arrays, a quarter of all runs in a typical text, are shared. A long run that text is
 * appended to becomes a {@link Run} with room to grow instead, so that typing at its end costs
 * the same at any length.
 */
public final class StringContent implements Content {
  static final char REPLACEMENT = '\uFFFD';

  /** The one-unit Latin-1 arrays, by unit. */
  private static final byte[][] SINGLE = new byte[256][];

  static {
    for (int i = 0; i < SINGLE.length; i++) {
      SINGLE[i] = new byte[] {(byte) i};
    }
  }

  /**
   * The UTF-16 units: a {@code byte[]} (each unit at most U+00FF) or a {@code char[]}, exactly as
   * long as the content; or, for a long run that grew by merging, a {@link Run}.
   */
  private Object units;

  public StringContent(String str) {
    this.units = pack(withoutLoneSurrogates(str));
  }

  private StringContent(Object units) {
    this.units = units;
  }

  /** Text whose units are all at most U+00FF, given as Latin-1 bytes that no one else holds. */
  static StringContent ofLatin1(byte[] latin1) {
    return new StringContent(shared(latin1));
  }

  /** {@code s} with every unpaired surrogate replaced by U+FFFD. */
  public static String withoutLoneSurrogates(String s) {
    char[] out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      if (out == null) {
        out = s.toCharArray();
      }
      out[i] = REPLACEMENT;
    }
    return out == null ? s : new String(out);
  }

  /** The compact form of {@code s}: Latin-1 bytes when every unit fits, else its chars. */
  private static Object pack(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) > 0xFF) {
        return s.toCharArray();
      }
    }
    return s.length() == 1 ? SINGLE[s.charAt(0)] : s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code latin1}, or the shared array equal to it. */
  private static byte[] shared(byte[] latin1) {
    return latin1.length == 1 ? SINGLE[latin1[0] & 0xFF] : latin1;
  }

  /** The compact form of {@code chars}, which no one else holds. */
  private static Object pack(char[] chars) {
    byte[] latin1 = new byte[chars.length];
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] > 0xFF) {
        return chars;
      }
      latin1[i] = (byte) chars[i];
    }
    return shared(latin1);
  }

  /** The first {@code count} units of {@code units} as chars, in an array of {@code capacity}. */
  private static char[] chars(Object units, int count, int capacity) {
    char[] c = new char[capacity];
    if (units instanceof char[] from) {
      System.arraycopy(from, 0, c, 0, count);
      return c;
    }
    byte[] b = (byte[]) units;
    for (int i = 0; i < count; i++) {
      c[i] = (char) (b[i] & 0xFF);
    }
    return c;
  }

  /** The array holding the units (its first {@link #length()} entries; a run's may be longer). */
  private Object array() {
    return units instanceof Run r ? r.buf : units;
  }

  /** The text of units {@code [from, to)}. */
  private String string(int from, int to) {
    Object a = array();
    return a instanceof byte[] b
        ? new String(b, from, to - from, StandardCharsets.ISO_8859_1)
        : new String((char[]) a, from, to - from);
  }

  /** The text (a new String on each call). */
  public String string() {
    return string(0, length());
  }

  @Override
  public int length() {
    if (units instanceof byte[] b) {
      return b.length;
    }
    return units instanceof char[] c ? c.length : ((Run) units).length;
  }

  @Override public boolean countable() { return true; }
  @Override public int ref() { return ContentRef.STRING; }

  @Override
  public Content copy() {
    // exact arrays never change and can be shared; a run's buffer belongs to this content alone
    return new StringContent(units instanceof Run r ? exact(r.buf, 0, r.length) : units);
  }

  @Override
  public List<Object> values() {
    String str = string();
    List<Object> out = new ArrayList<>(str.length());
    for (int i = 0; i < str.length(); i++) {
      out.add(String.valueOf(str.charAt(i)));
    }
    return out;
  }

  /** Units {@code [from, to)} of {@code array} in a new exact array (shared when one Latin-1 unit). */
  private static Object exact(Object array, int from, int to) {
    return array instanceof byte[] b ? shared(Arrays.copyOfRange(b, from, to)) : Arrays.copyOfRange((char[]) array, from, to);
  }

  @Override
  public Content splice(int offset) {
    int n = length();
    Object a = array();
    boolean cutsPair = a instanceof char[] c && offset > 0 && Character.isHighSurrogate(c[offset - 1]);
    Object right = exact(a, offset, n);
    if (units instanceof Run r) {
      r.length = offset; // the left part keeps the run and its room to grow
      if (cutsPair) {
        ((char[]) r.buf)[offset - 1] = REPLACEMENT;
      }
    } else if (a instanceof byte[] b) {
      units = shared(Arrays.copyOfRange(b, 0, offset)); // no surrogates among Latin-1 units
    } else {
      char[] left = Arrays.copyOfRange((char[]) a, 0, offset);
      if (cutsPair) {
        left[offset - 1] = REPLACEMENT;
      }
      units = pack(left);
    }
    if (cutsPair) {
      ((char[]) right)[0] = REPLACEMENT;
    }
    return new StringContent(right instanceof char[] c ? pack(c) : right);
  }

  @Override
  public boolean mergeWith(Content right) {
    StringContent other = (StringContent) right;
    Object b = other.array();
    int bl = other.length();
    int al = length();
    int total = al + bl;
    if (units instanceof Run r) {
      r.append(b, bl);
    } else if (total < RUN_FROM) {
      Object a = units;
      if (a instanceof byte[] x && b instanceof byte[] y) {
        byte[] joined = Arrays.copyOf(x, total);
        System.arraycopy(y, 0, joined, al, bl);
        units = joined;
      } else {
        char[] joined = chars(a, al, total);
        if (b instanceof char[] y) {
          System.arraycopy(y, 0, joined, al, bl);
        } else {
          for (int i = 0; i < bl; i++) {
            joined[al + i] = (char) (((byte[]) b)[i] & 0xFF);
          }
        }
        units = joined;
      }
    } else {
      Run r = new Run(units, al);
      r.append(b, bl);
      units = r;
    }
    return true;
  }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    Object a = array();
    if (a instanceof byte[] b) {
      encoder.writeLatin1String(b, offset, length());
    } else {
      encoder.writeString(string(offset, length()));
    }
  }

  /** Runs at least this long grow in place when text is appended to them (see {@link Run}). */
  static final int RUN_FROM = 64;

  /**
   * A run of text that grew by merging: its units with room after them, so that typing at its
   * end, where every keystroke is merged into the run when its transaction ends, copies each unit
   * a constant number of times on average instead of copying the whole run per keystroke. Only
   * long runs become one; the buffer belongs to one content and is never shared.
   */
  private static final class Run {
    /** A {@code byte[]} while every unit is Latin-1, else a {@code char[]}. */
    Object buf;
    int length;

    Run(Object units, int length) {
      this.buf = units;
      this.length = length;
    }

    void append(Object more, int n) {
      int needed = length + n;
      if (buf instanceof byte[] b && more instanceof char[]) {
        buf = chars(b, length, Math.max(needed, length + (length >> 1)));
      } else {
        int capacity = buf instanceof byte[] b ? b.length : ((char[]) buf).length;
        if (needed > capacity) {
          int grown = Math.max(needed, capacity + (capacity >> 1));
          buf = buf instanceof byte[] b ? Arrays.copyOf(b, grown) : Arrays.copyOf((char[]) buf, grown);
        }
      }
      if (buf instanceof byte[] b) {
        System.arraycopy(more, 0, b, length, n);
      } else if (more instanceof char[] c) {
        System.arraycopy(c, 0, buf, length, n);
      } else {
        char[] to = (char[]) buf;
        byte[] from = (byte[]) more;
        for (int i = 0; i < n; i++) {
          to[length + i] = (char) (from[i] & 0xFF);
        }
      }
      length = needed;
    }
  }
}
