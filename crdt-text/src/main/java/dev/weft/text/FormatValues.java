package dev.weft.text;

import dev.weft.crdt.internal.FormatContent;
import dev.weft.crdt.internal.JsKeyOrder;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One value object per format item. Yjs compares format values with {@code ===} in places
 * (cleaning up a formatting gap), so two items are "the same value" only when one was created from
 * the other's value object, for instance a negating format that restores a link. To make the same
 * decisions, a format created locally remembers the caller's value object, and a format read from
 * an update gets one parsed value, kept as long as the item's content lives.
 *
 * <p>Only objects and arrays are kept: primitives compare by value anyway. A local value whose
 * object keys are not in JavaScript's property order is kept as its reordered copy, which is what
 * the item holds and sends (such a value is not the caller's object, as no JavaScript object could
 * have that order).
 */
final class FormatValues {
  private static final Map<FormatContent, Object> VALUES = Collections.synchronizedMap(new WeakHashMap<>());

  private FormatValues() {}

  /** A new format item's content for {@code key} = {@code value} (null ends the attribute). */
  static FormatContent create(String key, Object value) {
    value = JsKeyOrder.apply(value);
    FormatContent c = FormatContent.of(key, value);
    if (isObject(value)) {
      VALUES.put(c, value);
    }
    return c;
  }

  /** The value of a format item, the same object on every call. */
  static Object valueOf(FormatContent c) {
    Object v = VALUES.get(c);
    if (v != null) {
      return v;
    }
    v = c.value();
    if (isObject(v)) {
      VALUES.put(c, v);
    }
    return v;
  }

  private static boolean isObject(Object v) {
    return v instanceof Map<?, ?> || v instanceof List<?>;
  }
}
