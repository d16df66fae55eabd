package dev.weft.crdt.testing;

/**
 * Reference model of a {@code YText}'s characters: a {@link StringBuilder}, with positions in
 * UTF-16 code units as in the text API. {@link #snap} moves a position off the middle of a
 * surrogate pair, so generated edits never split a non-BMP character.
 */
public final class TextModel {
  private final StringBuilder text = new StringBuilder();

  public void insert(int index, String s) {
    text.insert(index, s);
  }

  public void delete(int index, int length) {
    text.delete(index, index + length);
  }

  public int length() {
    return text.length();
  }

  /** {@code index} clamped to [0, length], moved left off a low surrogate that follows a high one. */
  public int snap(int index) {
    return snap(text, index);
  }

  /** A length from {@code index} of at most {@code wanted} units that ends on a character boundary. */
  public int snapLength(int index, int wanted) {
    return snapLength(text, index, wanted);
  }

  /** {@link #snap(int)} for any text. */
  public static int snap(CharSequence text, int index) {
    int i = Math.max(0, Math.min(index, text.length()));
    if (i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i))
        && Character.isHighSurrogate(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** {@link #snapLength(int, int)} for any text; at least one character when one follows. */
  public static int snapLength(CharSequence text, int index, int wanted) {
    int end = snap(text, Math.min(text.length(), index + Math.max(0, wanted)));
    if (end == index && index < text.length()) {
      end = index + Character.charCount(Character.codePointAt(text, index));
    }
    return end - index;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
