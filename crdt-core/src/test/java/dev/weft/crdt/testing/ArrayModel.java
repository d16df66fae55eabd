package dev.weft.crdt.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reference model of a {@code YArray}: a plain list. Elements are JSON-like values, or
 * {@link ArrayModel}/{@link MapModel} for nested shared types.
 */
public final class ArrayModel {
  private final List<Object> items = new ArrayList<>();

  public void insert(int index, List<?> values) {
    items.addAll(index, values);
  }

  public void push(Object value) {
    items.add(value);
  }

  public void delete(int index, int length) {
    items.subList(index, index + length).clear();
  }

  public Object get(int index) {
    return items.get(index);
  }

  public int length() {
    return items.size();
  }

  public List<Object> items() {
    return items;
  }

  /** The content as {@code YArray.toJson()} gives it. */
  public List<Object> toJson() {
    List<Object> out = new ArrayList<>();
    for (Object v : items) {
      out.add(MapModel.json(v));
    }
    return out;
  }
}
