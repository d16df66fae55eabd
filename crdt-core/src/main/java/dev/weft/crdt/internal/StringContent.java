package dev.weft.crdt.internal;

import java.util.ArrayList;
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
 */
public final class StringContent implements Content {
  static final char REPLACEMENT = '\uFFFD';

  private String str;

  public StringContent(String str) {
    this.str = withoutLoneSurrogates(str);
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

  public String string() {
    return str;
  }

  @Override public int length() { return str.length(); }
  @Override public boolean countable() { return true; }
  @Override public int ref() { return ContentRef.STRING; }
  @Override public Content copy() { return new StringContent(str); }

  @Override
  public List<Object> values() {
    List<Object> out = new ArrayList<>(str.length());
    for (int i = 0; i < str.length(); i++) {
      out.add(String.valueOf(str.charAt(i)));
    }
    return out;
  }

  @Override
  public Content splice(int offset) {
    String left = str.substring(0, offset);
    String right = str.substring(offset);
    if (offset > 0 && Character.isHighSurrogate(left.charAt(offset - 1))) {
      left = left.substring(0, offset - 1) + REPLACEMENT;
      right = REPLACEMENT + right.substring(1);
    }
    str = left;
    StringContent r = new StringContent("");
    r.str = right;
    return r;
  }

  @Override
  public boolean mergeWith(Content right) {
    str = str + ((StringContent) right).str;
    return true;
  }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeString(offset == 0 ? str : str.substring(offset));
  }
}
