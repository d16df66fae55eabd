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
 * Arrays are never changed once made (splitting and merging make new ones), so the one-unit
 * Latin-1 arrays, a quarter of all runs in a typical text, are shared.
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

  /** The UTF-16 units: a {@code byte[]} (each unit at most U+00FF) or a {@code char[]}. */
  private Object units;

  public StringContent(String str) {
    this.units = pack(withoutLoneSurrogates(str));
  }

  private StringContent(Object units) {
    this.units = units;
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

  private static char[] chars(Object units) {
    if (units instanceof char[] c) {
      return c;
    }
    byte[] b = (byte[]) units;
    char[] c = new char[b.length];
    for (int i = 0; i < b.length; i++) {
      c[i] = (char) (b[i] & 0xFF);
    }
    return c;
  }

  /** The text of units {@code [from, to)}. */
  private String string(int from, int to) {
    return units instanceof byte[] b
        ? new String(b, from, to - from, StandardCharsets.ISO_8859_1)
        : new String((char[]) units, from, to - from);
  }

  /** The text (a new String on each call). */
  public String string() {
    return string(0, length());
  }

  @Override
  public int length() {
    return units instanceof byte[] b ? b.length : ((char[]) units).length;
  }

  @Override public boolean countable() { return true; }
  @Override public int ref() { return ContentRef.STRING; }
  @Override public Content copy() { return new StringContent(units); }

  @Override
  public List<Object> values() {
    String str = string();
    List<Object> out = new ArrayList<>(str.length());
    for (int i = 0; i < str.length(); i++) {
      out.add(String.valueOf(str.charAt(i)));
    }
    return out;
  }

  @Override
  public Content splice(int offset) {
    int n = length();
    if (units instanceof byte[] b) {
      // no surrogates among Latin-1 units
      units = shared(Arrays.copyOfRange(b, 0, offset));
      return new StringContent(shared(Arrays.copyOfRange(b, offset, n)));
    }
    char[] c = (char[]) units;
    char[] left = Arrays.copyOfRange(c, 0, offset);
    char[] right = Arrays.copyOfRange(c, offset, n);
    if (offset > 0 && Character.isHighSurrogate(left[offset - 1])) {
      left[offset - 1] = REPLACEMENT;
      right[0] = REPLACEMENT;
    }
    units = pack(left);
    return new StringContent(pack(right));
  }

  @Override
  public boolean mergeWith(Content right) {
    Object r = ((StringContent) right).units;
    if (units instanceof byte[] a && r instanceof byte[] b) {
      byte[] joined = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, joined, a.length, b.length);
      units = joined;
    } else {
      char[] a = chars(units);
      char[] b = chars(r);
      char[] joined = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, joined, a.length, b.length);
      units = joined;
    }
    return true;
  }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeString(string(offset, length()));
  }
}
