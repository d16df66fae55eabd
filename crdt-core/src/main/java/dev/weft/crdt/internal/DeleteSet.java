package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which clock ranges are deleted, per client. Deletions are not structs: an update carries the
 * structs it adds and, separately, a delete set. Ranges of one client are kept sorted and merged
 * by {@link #sortAndMerge()} before they are written or searched.
 *
 * <pre>
 * deleteSet := varUint(numClients) · numClients × (varUint client · varUint numRanges · numRanges × (varUint clock · varUint len))
 * </pre>
 * Clients are written in descending order; v2 writes clocks as deltas and lengths minus one.
 */
public final class DeleteSet {
  /** One deleted range: {@code [clock, clock + length)}. */
  public record Range(long clock, long length) {
    public long end() {
      return clock + length;
    }
  }

  /** Per client, its ranges (sorted and merged after {@link #sortAndMerge()}). */
  private TreeMap<Long, List<Range>> clients; // null until the first range: most transactions delete nothing

  /** Per client, its ranges (sorted and merged after {@link #sortAndMerge()}); read-only. */
  public java.util.NavigableMap<Long, List<Range>> clients() {
    return clients == null ? java.util.Collections.emptyNavigableMap() : clients;
  }

  private TreeMap<Long, List<Range>> mutableClients() {
    if (clients == null) {
      clients = new TreeMap<>();
    }
    return clients;
  }

  /* The clients in the order add() first saw them (see addOrder()). */
  private long[] order;
  private int orderSize;

  /* The ranges add() extended last: deletions come in runs of one client. */
  private long lastClient = -1;
  private List<Range> lastRanges;

  public void add(long client, long clock, long length) {
    if (length <= 0) {
      return;
    }
    List<Range> ranges = client == lastClient ? lastRanges : clients().get(client);
    if (ranges == null) {
      ranges = new ArrayList<>(2);
      mutableClients().put(client, ranges);
      if (order == null) {
        order = new long[2];
      } else if (orderSize == order.length) {
        order = java.util.Arrays.copyOf(order, orderSize * 2);
      }
      order[orderSize++] = client;
    }
    lastClient = client;
    lastRanges = ranges;
    int last = ranges.size() - 1;
    if (last >= 0 && ranges.get(last).end() == clock) {
      // extends the previous range (deleting a run item by item): one range instead of many
      ranges.set(last, new Range(ranges.get(last).clock(), ranges.get(last).length() + length));
    } else {
      ranges.add(new Range(clock, length));
    }
  }

  /**
   * The clients in the order {@link #add} first saw them. Yjs walks a transaction's deletions in
   * this order when it cleans up text formatting, and the order decides which items it deletes.
   */
  public List<Long> addOrder() {
    List<Long> out = new ArrayList<>(orderSize);
    for (int i = 0; i < orderSize; i++) {
      out.add(order[i]);
    }
    return out;
  }

  public boolean isEmpty() {
    return clients == null || clients.isEmpty();
  }

  /** Sorts each client's ranges and joins those that touch or overlap. */
  public DeleteSet sortAndMerge() {
    if (clients == null) {
      return this;
    }
    for (Map.Entry<Long, List<Range>> e : clients().entrySet()) {
      List<Range> ranges = e.getValue();
      if (isOrdered(ranges)) {
        continue; // mostly one range, or ranges added left to right
      }
      ranges.sort(Comparator.comparingLong(Range::clock));
      List<Range> merged = new ArrayList<>(ranges.size());
      Range cur = null;
      for (Range r : ranges) {
        if (cur == null) {
          cur = r;
        } else if (r.clock() <= cur.end()) {
          cur = new Range(cur.clock(), Math.max(cur.end(), r.end()) - cur.clock());
        } else {
          merged.add(cur);
          cur = r;
        }
      }
      if (cur != null) {
        merged.add(cur);
      }
      e.setValue(merged);
    }
    lastClient = -1; // the lists were replaced
    lastRanges = null;
    return this;
  }

  /** Whether the ranges are sorted, apart and not touching (nothing to sort or join). */
  private static boolean isOrdered(List<Range> ranges) {
    for (int i = 1; i < ranges.size(); i++) {
      if (ranges.get(i).clock() <= ranges.get(i - 1).end()) {
        return false;
      }
    }
    return true;
  }

  /** Whether each client's ranges are in increasing order and do not overlap. */
  public boolean isOrdered() {
    for (List<Range> ranges : clients().values()) {
      long end = -1;
      for (Range r : ranges) {
        if (r.clock() < end) {
          return false;
        }
        end = r.end();
      }
    }
    return true;
  }

  /** Whether {@code id} is in a deleted range (ranges must be sorted and merged). */
  public boolean contains(Id id) {
    List<Range> ranges = clients().get(id.client());
    if (ranges == null) {
      return false;
    }
    int lo = 0;
    int hi = ranges.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Range r = ranges.get(mid);
      if (id.clock() < r.clock()) {
        hi = mid - 1;
      } else if (id.clock() >= r.end()) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Adds every range of {@code other}. */
  public void addAll(DeleteSet other) {
    for (Map.Entry<Long, List<Range>> e : other.clients().entrySet()) {
      for (Range r : e.getValue()) {
        add(e.getKey(), r.clock(), r.length());
      }
    }
  }

  /** The delete set of a store: every deleted item and every GC struct. */
  public static DeleteSet fromStore(StructStore store) {
    DeleteSet ds = new DeleteSet();
    for (Map.Entry<Long, ArrayList<Struct>> e : store.clients.entrySet()) {
      List<Range> ranges = new ArrayList<>();
      Range cur = null;
      for (Struct s : e.getValue()) {
        if (!s.deleted()) {
          continue;
        }
        if (cur != null && cur.end() == s.clock) {
          cur = new Range(cur.clock(), cur.length() + s.length);
        } else {
          if (cur != null) {
            ranges.add(cur);
          }
          cur = new Range(s.clock, s.length);
        }
      }
      if (cur != null) {
        ranges.add(cur);
      }
      if (!ranges.isEmpty()) {
        ds.mutableClients().put(e.getKey(), ranges);
      }
    }
    return ds;
  }

  /** Writes the delete set, clients in descending order (ranges must be sorted and merged). */
  public void write(UpdateEncoder encoder) {
    if (clients == null) {
      encoder.rest().writeVarUint(0);
      return;
    }
    encoder.rest().writeVarUint(clients.size());
    for (Long client = clients.isEmpty() ? null : clients.lastKey(); client != null; client = clients.lowerKey(client)) {
      List<Range> ranges = clients.get(client);
      encoder.resetDsCurVal();
      encoder.rest().writeVarUint(client);
      encoder.rest().writeVarUint(ranges.size());
      for (int i = 0; i < ranges.size(); i++) {
        Range r = ranges.get(i);
        encoder.writeDsClock(r.clock());
        encoder.writeDsLen(r.length());
      }
    }
  }

  /** Reads a delete set as written; ranges with zero length are dropped. */
  public static DeleteSet read(UpdateDecoder decoder) {
    DeleteSet ds = new DeleteSet();
    Decoder rest = decoder.rest();
    int numClients = rest.readCount("delete-set client", 2);
    for (int i = 0; i < numClients; i++) {
      decoder.resetDsCurVal();
      long client = rest.readVarUint();
      int numRanges = rest.readCount("delete range", 1);
      for (int k = 0; k < numRanges; k++) {
        long clock = decoder.readDsClock();
        long len = decoder.readDsLen();
        if (clock + len > dev.weft.crdt.encoding.Encoder.MAX_SAFE_INTEGER) {
          throw rest.error(dev.weft.crdt.encoding.DecodingException.Reason.LENGTH_OUT_OF_RANGE,
              "delete range ends past 2^53");
        }
        ds.add(client, clock, len);
      }
    }
    return ds;
  }

  @Override
  public String toString() {
    return clients().toString();
  }
}
