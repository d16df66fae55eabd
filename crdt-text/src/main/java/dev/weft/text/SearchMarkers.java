package dev.weft.text;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.StructStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Yjs's search markers for one text, kept only where they change what Yjs writes.
 *
 * <h2>Why a port of an index cache</h2>
 * Yjs remembers up to 80 positions ({@code ArraySearchMarker}: an item and the visible index
 * before it) to find indices fast, and switches them off for good once a text holds formatting. A
 * position found from a marker starts with no attributes in effect, where a walk from the start
 * would have collected them; with no format items around that makes no difference, which is why
 * Weft normally uses its own index lookup instead.
 *
 * <p>It does make a difference in one common case: a root text whose formatted content arrived
 * through updates before the application first asked for it. Yjs then creates a fresh text object
 * for the root, with markers on and no formatting noted, although format items exist. Until the
 * next format item is integrated, inserting without attributes and deleting start from markers, so
 * they may write or remove different format items than a walk would. Weft reproduces this with an
 * exact port of Yjs's {@code findMarker}, {@code markPosition} and {@code updateMarkerChanges},
 * active only in that window.
 *
 * <p>Two details of Yjs's state are mirrored on purpose: a marked item keeps its mark when the
 * markers are cleared after a remote change, and merging an item into its left neighbour moves
 * markers to the neighbour without marking it. Merges happen in the engine, so a marker whose item
 * was merged away is moved when the markers are next used, with the same result.
 */
final class SearchMarkers {
  private static final int MAX = 80;

  /** One remembered position: {@link #index} visible units precede {@link #p}. */
  static final class Marker {
    Item p;
    int index;
    long timestamp;

    Marker(Item p, int index, long timestamp) {
      this.p = p;
      this.index = index;
      this.timestamp = timestamp;
    }
  }

  private final Branch text;
  private final List<Marker> markers = new ArrayList<>();
  private final Set<Item> marked = Collections.newSetFromMap(new IdentityHashMap<>());
  private long clock;

  SearchMarkers(Branch text) {
    this.text = text;
  }

  /** Forgets every marker (after a remote change), leaving the items' marks as Yjs does. */
  void clear() {
    markers.clear();
  }

  /**
   * The marker to start a search for {@code index} from, moved or created near it; null when the
   * search should start at the beginning.
   */
  Marker find(int index) {
    if (text.start == null || index == 0) {
      return null;
    }
    followMerges();
    Marker marker = null;
    for (Marker m : markers) {
      marker = marker == null || Math.abs(index - marker.index) >= Math.abs(index - m.index) ? m : marker;
    }
    Item p = text.start;
    int pindex = 0;
    if (marker != null) {
      p = marker.p;
      pindex = marker.index;
      marker.timestamp = clock++;
    }
    while (p.right != null && pindex < index) {
      if (!p.deleted() && p.countable()) {
        if (index < pindex + p.length) {
          break;
        }
        pindex += p.length;
      }
      p = p.right;
    }
    while (p.left != null && pindex > index) {
      p = p.left;
      if (!p.deleted() && p.countable()) {
        pindex -= p.length;
      }
    }
    while (p.left != null && p.left.client == p.client && p.left.clock + p.left.length == p.clock) {
      p = p.left;
      if (!p.deleted() && p.countable()) {
        pindex -= p.length;
      }
    }
    if (marker != null && Math.abs(marker.index - pindex) < (double) text.length / MAX) {
      overwrite(marker, p, pindex);
      return marker;
    }
    return mark(p, pindex);
  }

  /** Shifts the markers after {@code len} units were inserted (positive) or deleted at {@code index}. */
  void update(int index, int len) {
    followMerges();
    for (int i = markers.size() - 1; i >= 0; i--) {
      Marker m = markers.get(i);
      if (len > 0) {
        Item p = m.p;
        marked.remove(p);
        while (p != null && (p.deleted() || !p.countable())) {
          p = p.left;
          if (p != null && !p.deleted() && p.countable()) {
            m.index -= p.length;
          }
        }
        if (p == null || marked.contains(p)) {
          markers.remove(i);
          continue;
        }
        m.p = p;
        marked.add(p);
      }
      if (index < m.index || (len > 0 && index == m.index)) {
        m.index = Math.max(index, m.index + len);
      }
    }
  }

  private Marker mark(Item p, int index) {
    if (markers.size() >= MAX) {
      Marker oldest = markers.get(0);
      for (Marker m : markers) {
        oldest = oldest.timestamp < m.timestamp ? oldest : m;
      }
      overwrite(oldest, p, index);
      return oldest;
    }
    marked.add(p);
    Marker m = new Marker(p, index, clock++);
    markers.add(m);
    return m;
  }

  private void overwrite(Marker m, Item p, int index) {
    marked.remove(m.p);
    m.p = p;
    marked.add(p);
    m.index = index;
    m.timestamp = clock++;
  }

  /** Moves markers whose item was merged into its left neighbour onto that neighbour. */
  private void followMerges() {
    StructStore store = text.doc.store;
    for (Marker m : markers) {
      Item p = m.p;
      boolean linked = p.left != null ? p.left.right == p : text.start == p;
      if (!linked && store.find(p.id()) instanceof Item whole && whole != p) {
        if (!whole.deleted() && whole.countable()) {
          m.index -= (int) (p.clock - whole.clock);
        }
        m.p = whole;
      }
    }
  }
}
