package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every struct of a document, per client, sorted by clock and gap-free from clock 0: the answer to
 * "which struct holds id (c, k)" by binary search, and to "what do we know" (the state vector).
 * Also holds what could not be integrated yet: pending structs (an update v1 waiting for missing
 * history) and pending deletes.
 */
public final class StructStore {
  /** Per client, its structs in clock order. */
  public final HashMap<Long, ArrayList<Struct>> clients = new HashMap<>();
  /** Structs waiting for history we do not have, as an update v1; null when none. */
  public byte[] pendingStructs;
  /** For each client, the first clock whose arrival may unblock {@link #pendingStructs}. */
  public final Map<Long, Long> pendingMissing = new HashMap<>();
  /** Delete ranges naming clocks we do not have yet, as an update v1 with no structs; or null. */
  public byte[] pendingDeletes;

  /*
   * Almost every lookup names the client of the previous one (a document mostly edited by one
   * peer), so the last list found is remembered: that skips boxing the client id and hashing it.
   * A client's list, once created, is never replaced, so the remembered one stays valid.
   */
  private long lastClient = -1;
  private ArrayList<Struct> lastStructs;

  /** The structs of {@code client} in clock order, or null when none are known. */
  public ArrayList<Struct> structs(long client) {
    if (client == lastClient) {
      return lastStructs;
    }
    ArrayList<Struct> structs = clients.get(client);
    if (structs != null) {
      lastClient = client;
      lastStructs = structs;
    }
    return structs;
  }

  /** The next clock expected from {@code client} (0 if nothing is known). */
  public long getState(long client) {
    ArrayList<Struct> structs = structs(client);
    if (structs == null || structs.isEmpty()) {
      return 0;
    }
    return structs.get(structs.size() - 1).end();
  }

  /** The state vector: for each client with structs, its next expected clock, in client order. */
  public TreeMap<Long, Long> stateVector() {
    TreeMap<Long, Long> sv = new TreeMap<>();
    for (Map.Entry<Long, ArrayList<Struct>> e : clients.entrySet()) {
      ArrayList<Struct> s = e.getValue();
      if (!s.isEmpty()) {
        sv.put(e.getKey(), s.get(s.size() - 1).end());
      }
    }
    return sv;
  }

  /**
   * Transactions that have begun and not finished: each learns the clock a client had before its
   * first new struct (see {@link ClockJournal}).
   */
  final List<Txn> open = new ArrayList<>(2);

  /** Appends a struct, which must start exactly at its client's state. */
  public void addStruct(Struct struct) {
    ArrayList<Struct> structs = structs(struct.client);
    if (structs == null) {
      structs = clients.computeIfAbsent(struct.client, c -> new ArrayList<>());
    }
    if (!structs.isEmpty()) {
      Struct last = structs.get(structs.size() - 1);
      if (last.end() != struct.clock) {
        throw new IllegalStateException("struct " + struct + " does not follow " + last);
      }
    } else if (struct.clock != 0) {
      throw new IllegalStateException("first struct of client " + struct.client + " starts at " + struct.clock);
    }
    for (int i = 0; i < open.size(); i++) {
      open.get(i).clientGrows(struct.client, struct.clock);
    }
    structs.add(struct);
  }

  /** The last array made by {@link #single}. */
  private long[] single = {0};

  /**
   * A one-element array holding {@code client}, shared by every caller that asks for the same
   * client in a row: transactions hand out their list of changed clients this way, read only.
   */
  long[] single(long client) {
    if (single[0] != client) {
      single = new long[] {client};
    }
    return single;
  }

  /** Tells the open transactions that {@code last}, its client's newest struct, is about to grow. */
  void lastStructGrows(Struct last) {
    for (int i = 0; i < open.size(); i++) {
      open.get(i).clientGrows(last.client, last.end());
    }
  }

  /** Index of the struct containing {@code clock} in a client's list. */
  public static int findIndex(ArrayList<Struct> structs, long clock) {
    int left = 0;
    int right = structs.size() - 1;
    Struct mid = structs.get(right);
    if (mid.clock <= clock) {
      if (clock < mid.end()) {
        return right; // the newest struct: where local edits and transaction updates look
      }
      throw new IllegalStateException("clock " + clock + " is in no struct");
    }
    // interpolation guess first: clocks are usually dense
    int midIndex = (int) Math.min(right, Math.max(0, (double) clock / Math.max(1, mid.end() - 1) * right));
    while (left <= right) {
      mid = structs.get(midIndex);
      if (mid.clock <= clock) {
        if (clock < mid.end()) {
          return midIndex;
        }
        left = midIndex + 1;
      } else {
        right = midIndex - 1;
      }
      midIndex = (left + right) >>> 1;
    }
    throw new IllegalStateException("clock " + clock + " is in no struct");
  }

  /**
   * {@link #findIndex}, starting from struct {@code from}: gallops from it toward the clock (1, 2,
   * 4... structs, either way) and searches only the span that holds it, so walking a list in clock
   * order, forward or backward, costs about the logarithm of the distance between lookups rather
   * than a search over the whole list. Any {@code from} gives the right answer.
   */
  public static int findIndexFrom(ArrayList<Struct> structs, long clock, int from) {
    int n = structs.size();
    if (from < 0 || from >= n) {
      return findIndex(structs, clock);
    }
    int lo; // the answer is in [lo, hi]
    int hi;
    if (structs.get(from).clock <= clock) {
      lo = from;
      hi = n - 1;
      for (int step = 1; lo + step < n; step <<= 1) {
        if (structs.get(lo + step).clock > clock) {
          hi = lo + step - 1;
          break;
        }
        lo += step;
      }
    } else {
      hi = from - 1;
      lo = 0;
      for (int step = 1; hi - step >= 0; step <<= 1) {
        if (structs.get(hi - step).clock <= clock) {
          lo = hi - step;
          break;
        }
        hi -= step;
      }
    }
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (structs.get(mid).clock <= clock) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    if (clock < structs.get(lo).clock || clock >= structs.get(lo).end()) {
      throw new IllegalStateException("clock " + clock + " is in no struct");
    }
    return lo;
  }

  /*
   * The positions indexOf() found last, newest first. A transaction looks up the same few places
   * again and again (where it split an item, what it deleted, where its own structs begin), and
   * integrating an item looks up two places, its origins, which for typed text are near those of
   * the item before. So the structs found last and their neighbours are tried before a search.
   * Lists change under them (a split inserts, a merge removes), so a guess is only taken after
   * checking that its struct holds the clock.
   */
  private ArrayList<Struct> fingerList;
  private int finger;
  private int olderFinger;

  /** {@link #findIndex}, trying the structs found last and their neighbours first. */
  public int indexOf(ArrayList<Struct> structs, long clock) {
    if (structs == fingerList) {
      int i = near(structs, finger, clock);
      if (i >= 0) {
        finger = i;
        return i;
      }
      i = near(structs, olderFinger, clock);
      if (i >= 0) {
        olderFinger = finger;
        finger = i;
        return i;
      }
    } else {
      fingerList = structs;
      finger = 0;
    }
    int i = findIndex(structs, clock);
    olderFinger = finger;
    finger = i;
    return i;
  }

  /** The index of the struct holding {@code clock} if it is {@code f} or a neighbour of it, else -1. */
  private static int near(ArrayList<Struct> structs, int f, long clock) {
    int n = structs.size();
    if (f >= n) {
      return -1;
    }
    Struct s = structs.get(f);
    if (s.clock <= clock) {
      if (clock < s.end()) {
        return f;
      }
      return f + 1 < n && clock < structs.get(f + 1).end() ? f + 1 : -1;
    }
    return f > 0 && structs.get(f - 1).clock <= clock ? f - 1 : -1;
  }

  /** The struct containing {@code id}; the id must be below its client's state. */
  public Struct find(Id id) {
    ArrayList<Struct> structs = structs(id.client());
    if (structs == null || id.clock() >= getState(id.client())) {
      throw new IllegalStateException("no struct holds " + id);
    }
    return structs.get(indexOf(structs, id.clock()));
  }

  /** Whether a struct holds {@code id}. */
  public boolean contains(Id id) {
    return id.clock() < getState(id.client());
  }

  /** The item containing {@code id} (a GC struct yields null). */
  public Item getItem(Id id) {
    return find(id) instanceof Item i ? i : null;
  }

  /** The item containing unit {@code clock} of {@code client} (a GC struct yields null). */
  public Item getItem(long client, long clock) {
    ArrayList<Struct> structs = structs(client);
    if (structs == null || clock >= getState(client)) {
      throw new IllegalStateException("no struct holds " + client + ":" + clock);
    }
    return structs.get(indexOf(structs, clock)) instanceof Item i ? i : null;
  }

  /** Index of the struct starting exactly at {@code clock}, splitting an item if needed. */
  public int findIndexCleanStart(Txn txn, ArrayList<Struct> structs, long clock) {
    int index = indexOf(structs, clock);
    Struct s = structs.get(index);
    if (s.clock < clock && s instanceof Item item) {
      structs.add(index + 1, item.split(txn, (int) (clock - item.clock)));
      return index + 1;
    }
    return index;
  }

  /** The struct starting exactly at {@code id} (an item is split there if needed). */
  public Struct getItemCleanStart(Txn txn, Id id) {
    return getItemCleanStart(txn, id.client(), id.clock());
  }

  /** The struct starting exactly at unit {@code clock} of {@code client}. */
  public Struct getItemCleanStart(Txn txn, long client, long clock) {
    ArrayList<Struct> structs = structs(client);
    return structs.get(findIndexCleanStart(txn, structs, clock));
  }

  /** The struct ending exactly at {@code id} (an item is split after it if needed). */
  public Struct getItemCleanEnd(Txn txn, Id id) {
    return getItemCleanEnd(txn, id.client(), id.clock());
  }

  /** The struct ending exactly at unit {@code clock} of {@code client}. */
  public Struct getItemCleanEnd(Txn txn, long client, long clock) {
    ArrayList<Struct> structs = structs(client);
    int index = indexOf(structs, clock);
    Struct s = structs.get(index);
    if (clock != s.end() - 1 && s instanceof Item item) {
      structs.add(index + 1, item.split(txn, (int) (clock - item.clock + 1)));
    }
    return s;
  }

  /**
   * Structs that became GC since the end of the last transaction, to be merged with their
   * neighbours (see {@link Transactions}).
   */
  final List<Struct> collected = new ArrayList<>();

  /** Replaces a struct by another covering the same clocks. */
  public void replaceStruct(Struct old, Struct replacement) {
    ArrayList<Struct> structs = structs(old.client);
    structs.set(findIndex(structs, old.clock), replacement);
    if (replacement instanceof GcStruct) {
      collected.add(replacement);
    }
  }

  /** Number of structs held, for tests and diagnostics. */
  public int size() {
    int n = 0;
    for (ArrayList<Struct> s : clients.values()) {
      n += s.size();
    }
    return n;
  }
}
