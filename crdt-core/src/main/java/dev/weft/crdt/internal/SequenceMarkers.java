package dev.weft.crdt.internal;

/**
 * Remembered positions in one type's sequence, so that finding visible index {@code i} walks from
 * the nearest of them instead of from the start.
 *
 * <h2>What a marker means</h2>
 * A marker is an item of the sequence and the number of visible units before it. The item may be
 * deleted or invisible (a format item): the count is still well defined, and a walk from there
 * skips what does not count. Up to {@link #CAPACITY} markers are kept. A new position replaces the
 * marker near it if there is one (typing moves one marker along), else takes a free slot or the
 * slot of the marker used least recently.
 *
 * <h2>Keeping them true</h2>
 * A marker is only useful while its count is right, so every change of the visible length of the
 * sequence either adjusts the markers or drops them:
 * <ul>
 *   <li>A local edit says where it happens ({@link Branch#beginEditAt}). Content of {@code n}
 *       visible units inserted at index {@code i} moves markers after {@code i} by {@code n}. A
 *       marker at exactly {@code i} on a visible item moves too (that item held unit {@code i}, so
 *       the new content went before it); one on an invisible item there may sit on either side of
 *       the new content and is dropped. Deleting {@code n} units at {@code i} moves markers past the
 *       range back by {@code n} and those inside it to {@code i}.</li>
 *   <li>Any other change of visible length (a remote update, an undo) drops every marker: its
 *       index is not known. Items that take no visible room change no count and leave the markers
 *       alone.</li>
 *   <li>When an item is merged into its left neighbour, a marker on it moves to the neighbour.
 *       Splitting an item keeps its start, so a marker on it stays right.</li>
 * </ul>
 * At most one marker is on an item, and an item knows whether one is ({@link Item#marked}), so
 * merging the runs a transaction split (every keystroke) looks at the markers only when one is on
 * the absorbed item, and then mostly finds it in the slot used last.
 * Editing is mostly local, so a lookup usually walks a few items; random access over a long
 * sequence walks about its length divided by the number of markers, instead of its length.
 */
final class SequenceMarkers {
  static final int CAPACITY = 32;
  /** A marker this near to a wanted index is good enough without looking for a nearer one. */
  private static final int CLOSE = 32;

  private final Item[] items = new Item[CAPACITY];
  private final int[] indexes = new int[CAPACITY];
  private final long[] lastUse = new long[CAPACITY];
  private int size;
  private long clock;
  /** The slot used last (may be stale: then it is at or past {@link #size}). */
  private int last;

  int size() {
    return size;
  }

  Item item(int marker) {
    return items[marker];
  }

  int index(int marker) {
    return indexes[marker];
  }

  /** The marker whose index is nearest to {@code unit} (or one within a few units), or -1. */
  int nearest(int unit) {
    if (last < size && unit - indexes[last] >= -CLOSE && unit - indexes[last] <= CLOSE + items[last].length) {
      return last; // editing is local: mostly in or near the item of the marker used last
    }
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (int m = 0; m < size; m++) {
      int d = Math.abs(indexes[m] - unit);
      if (d < bestDistance) {
        best = m;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * Remembers that {@code index} visible units precede {@code item}. A marker nearer than
   * {@code spacing} units is moved there (so markers spread over the sequence instead of
   * crowding where the editing happens); otherwise a free slot, or the least recently used, takes
   * it.
   */
  void remember(Item item, int index, int spacing) {
    int slot = item.marked() ? slotOf(item) : -1;
    if (slot < 0) {
      int near = nearest(index);
      if (near >= 0 && Math.abs(indexes[near] - index) < spacing) {
        slot = near;
      } else if (size < CAPACITY) {
        slot = size++;
      } else {
        slot = 0;
        for (int m = 1; m < size; m++) {
          if (lastUse[m] < lastUse[slot]) {
            slot = m;
          }
        }
      }
      if (items[slot] != null) {
        items[slot].setMarked(false);
      }
      items[slot] = item;
      item.setMarked(true);
    }
    indexes[slot] = index;
    lastUse[slot] = ++clock;
    last = slot;
  }

  /** The slot of the marker on {@code item}, or -1; at most one marker is on an item. */
  private int slotOf(Item item) {
    if (last < size && items[last] == item) {
      return last;
    }
    for (int m = 0; m < size; m++) {
      if (items[m] == item) {
        return m;
      }
    }
    return -1;
  }

  /** {@code length} visible units were inserted at visible index {@code index}. */
  void inserted(int index, int length) {
    // every edit passes over all markers: one branch-free pass for those after the edit...
    boolean atIndex = false;
    for (int m = 0; m < size; m++) {
      int i = indexes[m];
      indexes[m] = i > index ? i + length : i;
      atIndex |= i == index;
    }
    if (!atIndex) {
      return;
    }
    // ...and another only when a marker sits exactly at it
    for (int m = 0; m < size; m++) {
      if (indexes[m] == index) {
        if (items[m].countable() && !items[m].deleted()) {
          indexes[m] += length;
        } else {
          drop(m--);
        }
      }
    }
  }

  /** {@code length} visible units starting at visible index {@code index} were deleted. */
  void deleted(int index, int length) {
    // a marker past the range moves back by length, one inside it to index
    for (int m = 0; m < size; m++) {
      int i = indexes[m];
      indexes[m] = i - Math.min(Math.max(i - index, 0), length);
    }
  }

  /**
   * {@code right}, which a marker is on, was merged into {@code left}, which holds
   * {@code leftVisible} visible units: the marker moves to {@code left}, or goes if one is there
   * already (both counts are the same).
   */
  void merged(Item right, Item left, int leftVisible) {
    int m = slotOf(right);
    right.setMarked(false);
    if (m < 0) {
      return;
    }
    if (left.marked()) {
      drop(m);
    } else {
      items[m] = left;
      indexes[m] -= leftVisible;
      left.setMarked(true);
    }
  }

  /** Forgets every marker. */
  void clear() {
    for (int m = 0; m < size; m++) {
      items[m].setMarked(false);
    }
    java.util.Arrays.fill(items, 0, size, null);
    size = 0;
  }

  /**
   * Checks every marker against the list starting at {@code start}: a description of the first
   * one whose item is not in the list or whose count is wrong, or null when all are true.
   */
  String verify(Item start) {
    for (int m = 0; m < size; m++) {
      int before = 0;
      Item n = start;
      for (; n != null && n != items[m]; n = n.right) {
        if (n.countable() && !n.deleted()) {
          before += n.length;
        }
      }
      if (n == null) {
        return "marker " + m + " is on an item outside the sequence: " + items[m];
      }
      if (!items[m].marked()) {
        return "marker " + m + " is on an item not flagged as marked: " + items[m];
      }
      for (int o = 0; o < m; o++) {
        if (items[o] == items[m]) {
          return "markers " + o + " and " + m + " are on the same item " + items[m];
        }
      }
      if (before != indexes[m]) {
        return "marker " + m + " says " + indexes[m] + " units precede " + items[m] + ", but " + before + " do";
      }
    }
    return null;
  }

  private void drop(int m) {
    items[m].setMarked(false);
    size--;
    items[m] = items[size];
    indexes[m] = indexes[size];
    lastUse[m] = lastUse[size];
    items[size] = null;
  }
}
