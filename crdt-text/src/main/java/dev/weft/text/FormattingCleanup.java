package dev.weft.text;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.DeleteSet;
import dev.weft.crdt.internal.FormatContent;
import dev.weft.crdt.internal.Id;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.StructStore;
import dev.weft.crdt.internal.Struct;
import dev.weft.crdt.internal.Transactions;
import dev.weft.crdt.internal.Txn;
import dev.weft.crdt.internal.TypeRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Removes format items that no longer change anything: after a local deletion (the gap the
 * deleted text leaves), and after a remote transaction, where concurrent edits can leave two
 * markers for one attribute side by side. Ported from Yjs's {@code cleanupFormattingGap},
 * {@code cleanupContextlessFormattingGap}, {@code cleanupYTextFormatting} and
 * {@code cleanupYTextAfterTransaction}; these only delete items, and which ones they delete is
 * part of the update, so they follow Yjs step by step.
 */
final class FormattingCleanup {
  private FormattingCleanup() {}

  /**
   * Cleans the gap of deleted and format items that starts at {@code start}: a format item goes if
   * a later one in the gap sets the same key, or if it sets what was already in effect before the
   * gap. {@code currAttributes}, the attributes at {@code curr}, is corrected for removed items.
   * Returns how many items were deleted.
   */
  static int cleanupGap(Txn txn, Item start, Item curr, Map<String, Object> startAttributes,
      LinkedHashMap<String, Object> currAttributes) {
    Item end = start;
    Map<String, FormatContent> endFormats = new HashMap<>();
    while (end != null && (!end.countable() || end.deleted())) {
      if (!end.deleted() && end.content instanceof FormatContent f) {
        endFormats.put(f.key(), f);
      }
      end = end.right;
    }
    int cleanups = 0;
    boolean reachedCurr = false;
    while (start != end) {
      if (curr == start) {
        reachedCurr = true;
      }
      if (!start.deleted() && start.content instanceof FormatContent f) {
        String key = f.key();
        Object value = FormatValues.valueOf(f);
        Object startValue = startAttributes.get(key);
        if (endFormats.get(key) != f || JsValues.strictEquals(startValue, value)) {
          start.delete(txn);
          cleanups++;
          if (!reachedCurr && JsValues.strictEquals(currAttributes.get(key), value)
              && !JsValues.strictEquals(startValue, value)) {
            if (startValue == null) {
              currAttributes.remove(key);
            } else {
              currAttributes.put(key, startValue);
            }
          }
        }
        if (!reachedCurr && !start.deleted()) {
          TextPosition.apply(currAttributes, f);
        }
      }
      start = start.right;
    }
    return cleanups;
  }

  /**
   * Cleans the gap around {@code item} without knowing the attributes in effect: of several format
   * items for one key, only the last one stays.
   */
  static void cleanupContextlessGap(Txn txn, Item item) {
    while (item != null && item.right != null && (item.right.deleted() || !item.right.countable())) {
      item = item.right;
    }
    Set<String> seen = new HashSet<>();
    while (item != null && (item.deleted() || !item.countable())) {
      if (!item.deleted() && item.content instanceof FormatContent f) {
        if (!seen.add(f.key())) {
          item.delete(txn);
        }
      }
      item = item.left;
    }
  }

  /** Cleans every gap of a text; returns how many format items were deleted. */
  static int cleanupAll(Txn txn, Branch type) {
    int removed = 0;
    Item start = type.start;
    LinkedHashMap<String, Object> startAttributes = new LinkedHashMap<>();
    LinkedHashMap<String, Object> current = new LinkedHashMap<>();
    for (Item end = type.start; end != null; end = end.right) {
      if (end.deleted()) {
        continue;
      }
      if (end.content instanceof FormatContent f) {
        TextPosition.apply(current, f);
      } else {
        removed += cleanupGap(txn, start, end, startAttributes, current);
        startAttributes = new LinkedHashMap<>(current);
        start = end;
      }
    }
    return removed;
  }

  /** The transaction hook: after a remote change to formatted text, clean what it touched. */
  static final Consumer<Txn> AFTER_TRANSACTION = FormattingCleanup::afterTransaction;

  private static void afterTransaction(Txn txn) {
    if (txn.local) {
      return;
    }
    for (Branch b : txn.changed().keySet()) {
      if (b.item == null && (b.typeRef == TypeRef.TEXT || b.typeRef == TypeRef.XML_TEXT) && b.view() instanceof YText t) {
        t.forgetMarkers();
      }
    }
    if (!touchesFormattedText(txn)) {
      return;
    }
    StructStore store = txn.doc.store;
    Set<Branch> fullCleanup = new LinkedHashSet<>();
    for (long client : txn.changedClients()) {
      long before = txn.beforeState(client);
      ArrayList<Struct> structs = store.structs(client);
      for (int i = StructStore.findIndex(structs, before); i < structs.size(); i++) {
        if (structs.get(i) instanceof Item item && !item.deleted() && item.content instanceof FormatContent) {
          fullCleanup.add(item.parent);
        }
      }
    }
    List<Item> deleted = deletedItems(txn);
    Transactions.transact(txn.doc, t -> {
      for (Item item : deleted) {
        Branch parent = item.parent;
        if (parent == null || !parent.hasFormatting || fullCleanup.contains(parent)) {
          continue;
        }
        if (item.content instanceof FormatContent) {
          fullCleanup.add(parent);
        } else {
          cleanupContextlessGap(t, item);
        }
      }
      for (Branch text : fullCleanup) {
        if (text != null) {
          cleanupAll(t, text);
        }
      }
    }, null, true);
  }

  /** Whether a text with formatting, still alive, changed in the transaction. */
  private static boolean touchesFormattedText(Txn txn) {
    for (Branch b : txn.changed().keySet()) {
      if ((b.typeRef == TypeRef.TEXT || b.typeRef == TypeRef.XML_TEXT) && b.hasFormatting
          && (b.item == null || !b.item.deleted())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The items (not collected structs) in the transaction's delete set, cut at its boundaries, with
   * the clients in the order their first deletion happened (as Yjs iterates them).
   */
  private static List<Item> deletedItems(Txn txn) {
    StructStore store = txn.doc.store;
    List<Item> out = new ArrayList<>();
    DeleteSet ds = txn.deleteSet;
    Set<Long> clients = new LinkedHashSet<>(ds.addOrder());
    clients.addAll(ds.clients().keySet());
    for (long client : clients) {
      List<DeleteSet.Range> ranges = ds.clients().get(client);
      ArrayList<Struct> structs = store.clients.get(client);
      if (ranges == null || structs == null) {
        continue;
      }
      long state = store.getState(client);
      for (DeleteSet.Range r : ranges) {
        if (r.clock() >= state) {
          break;
        }
        long end = Math.min(r.end(), state);
        store.getItemCleanStart(txn, new Id(client, r.clock()));
        if (end < state) {
          store.getItemCleanStart(txn, new Id(client, end));
        }
        for (int i = StructStore.findIndex(structs, r.clock()); i < structs.size() && structs.get(i).clock < end; i++) {
          if (structs.get(i) instanceof Item item) {
            out.add(item);
          }
        }
      }
    }
    return out;
  }
}
