package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.List;

/** A run of JSON-like values (lib0 {@code any}), one unit per value. */
public final class AnyContent implements Content {
  private final ArrayList<Object> values;

  public AnyContent(List<Object> values) {
    this.values = new ArrayList<>(values);
  }

  @Override public int length() { return values.size(); }
  @Override public boolean countable() { return true; }
  @Override public int ref() { return ContentRef.ANY; }
  @Override public List<Object> values() { return values; }
  @Override public Content copy() { return new AnyContent(values); }

  @Override
  public Content splice(int offset) {
    List<Object> tail = values.subList(offset, values.size());
    AnyContent right = new AnyContent(tail);
    tail.clear();
    return right;
  }

  @Override
  public boolean mergeWith(Content right) {
    values.addAll(((AnyContent) right).values);
    return true;
  }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeLen(values.size() - offset);
    for (int i = offset; i < values.size(); i++) {
      encoder.writeAny(values.get(i));
    }
  }
}
