package dev.weft.text;

import dev.weft.crdt.Transaction;
import dev.weft.crdt.YEvent;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one transaction changed in an XML fragment or element: its child list ({@link #delta()})
 * and its attributes ({@link #keys()}, named in {@link #attributesChanged()}).
 */
public final class YXmlEvent extends YEvent {
  private final boolean childListChanged;
  private final Set<String> attributesChanged;

  YXmlEvent(YXmlFragment target, Transaction transaction, Set<String> keysChanged) {
    super(target, transaction, keysChanged);
    this.childListChanged = keysChanged.contains(null);
    Set<String> attrs = new LinkedHashSet<>(keysChanged);
    attrs.remove(null);
    this.attributesChanged = Collections.unmodifiableSet(attrs);
  }

  /** Whether children were inserted or deleted. */
  public boolean childListChanged() {
    return childListChanged;
  }

  /** The names of the attributes that were set or removed. */
  public Set<String> attributesChanged() {
    return attributesChanged;
  }
}
