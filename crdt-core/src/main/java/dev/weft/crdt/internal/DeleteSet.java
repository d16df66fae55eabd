package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
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
  public final TreeMap<Long, List<Range>> clients = new TreeMap<>();

  /**
   * The clients in the order {@link #add} first saw them. Yjs walks a transaction's deletions in
   * this order when it cleans up text formatting, and the order decides which items it deletes.
   */
  public final LinkedHashSet<Long> addOrder = new LinkedHashSet<>();

  /* The client {@link #add} saw last, already in addOrder: deletions come in runs of one client. */
  private long lastClient = -1;

  public void add(long client, long clock, long length) {
    if (length > 0) {
      List<Range> ranges = clients.computeIfAbsent(client, c -> new ArrayList<>());
      int last = ranges.size() - 1;
      if (last >= 0 && ranges.get(last).end() == clock) {
        // extends the previous range (deleting a run item by item): one range instead of many
        ranges.set(last, new Range(ranges.get(last).clock(), ranges.get(last).length() + length));
      } else {
        ranges.add(new Range(clock, length));
      }
      if (client != lastClient) {
        addOrder.add(client);
        lastClient = client;
      }
    }
  }

  public boolean isEmpty() {
    return clients.isEmpty();
  }

  /** Sorts each client's ranges and joins those that touch or overlap. */
  public DeleteSet sortAndMerge() {
    for (Map.Entry<Long, List<Range>> e : clients.entrySet()) {
      List<Range> ranges = e.getValue();
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
    return this;
  }

  /** Whether each client's ranges are in increasing order and do not overlap. */
  public boolean isOrdered() {
    for (List<Range> ranges : clients.values()) {
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
    List<Range> ranges = clients.get(id.client());
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
    for (Map.Entry<Long, List<Range>> e : other.clients.entrySet()) {
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
        ds.clients.put(e.getKey(), ranges);
      }
    }
    return ds;
  }

  /** Writes the delete set, clients in descending order (ranges must be sorted and merged). */
  public void write(UpdateEncoder encoder) {
    encoder.rest().writeVarUint(clients.size());
    for (Map.Entry<Long, List<Range>> e : clients.descendingMap().entrySet()) {
      encoder.resetDsCurVal();
      encoder.rest().writeVarUint(e.getKey());
      encoder.rest().writeVarUint(e.getValue().size());
      for (Range r : e.getValue()) {
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
    return clients.toString();
  }
}
