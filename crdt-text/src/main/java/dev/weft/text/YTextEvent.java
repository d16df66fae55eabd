package dev.weft.text;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Transaction;
import dev.weft.crdt.YEvent;
import dev.weft.crdt.internal.DocState;
import dev.weft.crdt.internal.EmbedContent;
import dev.weft.crdt.internal.FormatContent;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.StringContent;
import dev.weft.crdt.internal.Transactions;
import dev.weft.crdt.internal.Txn;
import dev.weft.crdt.internal.TypeContent;
import dev.weft.crdt.internal.TypeRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one transaction changed in a text, as a Quill delta with formatting: inserted text carries
 * its attributes, and a retain carries the attributes that changed on it (a null value: removed).
 *
 * <p>The delta is computed on first use, as in Yjs, so read it inside the observer call. Computing
 * it also deletes format items the transaction made redundant (Yjs does the same, in a follow-up
 * transaction), so whether an observer reads the delta can show in later updates exactly as it
 * does with Yjs.
 */
public final class YTextEvent extends YEvent {
  private final boolean childListChanged;
  private List<Delta> delta;

  YTextEvent(YText target, Transaction transaction, Set<String> keysChanged) {
    super(target, transaction, withoutNull(keysChanged));
    this.childListChanged = keysChanged.contains(null);
  }

  private static Set<String> withoutNull(Set<String> keys) {
    Set<String> out = new HashSet<>(keys);
    out.remove(null);
    return out;
  }

  /** Whether the characters, embeds or formatting changed (not only attributes of the whole text). */
  public boolean childListChanged() {
    return childListChanged;
  }

  @Override
  public YText target() {
    return (YText) super.target();
  }

  @Override
  public List<Delta> delta() {
    if (delta == null) {
      delta = Collections.unmodifiableList(computeDelta());
    }
    return delta;
  }

  private List<Delta> computeDelta() {
    Builder b = new Builder(txn());
    DocState doc = branchDoc();
    if (doc == null) {
      return b.ops;
    }
    Transactions.transact(doc, t -> b.walk(t, target()), null, true);
    return b.ops;
  }

  private DocState branchDoc() {
    return TypeRegistry.branchOf(target()).doc;
  }

  /** The delta walk of Yjs's {@code YTextEvent.delta}. */
  private static final class Builder {
    final Txn txn;
    final List<Delta> ops = new ArrayList<>();
    final LinkedHashMap<String, Object> current = new LinkedHashMap<>();
    final Map<String, Object> oldAttributes = new LinkedHashMap<>();
    final LinkedHashMap<String, Object> attributes = new LinkedHashMap<>();
    char action;
    Object insert = "";
    int retain;
    int deleteLen;

    Builder(Txn txn) {
      this.txn = txn;
    }

    void walk(Txn t, YText target) {
      for (Item item = TypeRegistry.branchOf(target).start; item != null; item = item.right) {
        if (item.content instanceof TypeContent || item.content instanceof EmbedContent) {
          if (txn.adds(item)) {
            if (!txn.deletes(item)) {
              addOp();
              action = 'i';
              insert = TextDeltas.embedValue(item);
              addOp();
            }
          } else {
            countExisting(item, 1);
          }
        } else if (item.content instanceof StringContent s) {
          if (txn.adds(item)) {
            if (!txn.deletes(item)) {
              if (action != 'i') {
                addOp();
                action = 'i';
              }
              insert = insert + s.string();
            }
          } else {
            countExisting(item, item.length);
          }
        } else if (item.content instanceof FormatContent f) {
          format(t, item, f);
        }
      }
      addOp();
      while (!ops.isEmpty() && ops.get(ops.size() - 1) instanceof Delta.Retain r && r.attributes() == null) {
        ops.remove(ops.size() - 1);
      }
    }

    private void countExisting(Item item, int length) {
      if (txn.deletes(item)) {
        if (action != 'd') {
          addOp();
          action = 'd';
        }
        deleteLen += length;
      } else if (!item.deleted()) {
        if (action != 'r') {
          addOp();
          action = 'r';
        }
        retain += length;
      }
    }

    private void format(Txn t, Item item, FormatContent f) {
      String key = f.key();
      Object value = FormatValues.valueOf(f);
      if (txn.adds(item)) {
        if (!txn.deletes(item)) {
          Object cur = current.get(key);
          if (!JsValues.equalAttrs(cur, value)) {
            if (action == 'r') {
              addOp();
            }
            if (JsValues.equalAttrs(value, oldAttributes.get(key))) {
              attributes.remove(key);
            } else {
              attributes.put(key, value);
            }
          } else if (value != null) {
            item.delete(t);
          }
        }
      } else if (txn.deletes(item)) {
        oldAttributes.put(key, value);
        Object cur = current.get(key);
        if (!JsValues.equalAttrs(cur, value)) {
          if (action == 'r') {
            addOp();
          }
          attributes.put(key, cur);
        }
      } else if (!item.deleted()) {
        oldAttributes.put(key, value);
        if (attributes.containsKey(key)) {
          Object attr = attributes.get(key);
          if (!JsValues.equalAttrs(attr, value)) {
            if (action == 'r') {
              addOp();
            }
            if (value == null) {
              attributes.remove(key);
            } else {
              attributes.put(key, value);
            }
          } else if (attr != null) {
            item.delete(t);
          }
        }
      }
      if (!item.deleted()) {
        if (action == 'i') {
          addOp();
        }
        TextPosition.apply(current, f);
      }
    }

    private void addOp() {
      switch (action) {
        case 'd' -> {
          if (deleteLen > 0) {
            ops.add(new Delta.Delete(deleteLen));
          }
          deleteLen = 0;
        }
        case 'i' -> {
          if (!(insert instanceof String s) || !s.isEmpty()) {
            ops.add(new Delta.Insert(insert, current.isEmpty() ? null : JsValues.object(current)));
          }
          insert = "";
        }
        case 'r' -> {
          if (retain > 0) {
            ops.add(new Delta.Retain(retain, attributes.isEmpty() ? null : JsValues.object(attributes)));
          }
          retain = 0;
        }
        default -> {
          return;
        }
      }
      action = 0;
    }
  }
}
