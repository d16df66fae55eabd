package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Json;
import java.util.List;

/**
 * A formatting marker in text: from here on, attribute {@link #key} has {@link #value()} (a
 * {@code null} value ends the attribute). Takes one clock unit but no place in the text's length.
 */
public final class FormatContent implements Content {
  private final String key;
  private final String valueJson;

  public FormatContent(String key, String valueJson) {
    this.key = key;
    this.valueJson = valueJson;
  }

  public static FormatContent of(String key, Object value) {
    return new FormatContent(key, Json.stringify(JsKeyOrder.apply(value)));
  }

  public String key() {
    return key;
  }

  public Object value() {
    return Json.parse(valueJson);
  }

  @Override public int length() { return 1; }
  @Override public boolean countable() { return false; }
  @Override public int ref() { return ContentRef.FORMAT; }
  @Override public List<Object> values() { return List.of(); }
  @Override public Content copy() { return new FormatContent(key, valueJson); }
  @Override public Content splice(int offset) { throw new IllegalStateException("a format has one unit"); }
  @Override public boolean mergeWith(Content right) { return false; }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeKey(key);
    encoder.writeJsonText(valueJson);
  }

  @Override
  public void integrate(Txn txn, Item item) {
    item.parent.hasFormatting = true;
    item.parent.holdsFormatItems = true;
  }
}
