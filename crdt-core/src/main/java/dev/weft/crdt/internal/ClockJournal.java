package dev.weft.crdt.internal;

import java.util.Arrays;
import java.util.HashMap;

/**
 * The state a transaction started from, recorded lazily: for each client that gained structs
 * since the transaction began, its clock at that moment, and (once the transaction is frozen at
 * the start of its cleanup) its clock then.
 *
 * <h2>Why not copy the state vector</h2>
 * Yjs copies the whole state vector when a transaction starts and again when it ends. A local
 * edit touches one client, so two copies of a map with one entry per client ever seen were most
 * of what a keystroke allocated. Here the store tells every open transaction about a client's
 * first new struct ({@link StructStore#addStruct}); a client that was never reported still has
 * the clock it had at the start, so {@link Txn#beforeState} reads it from the store. The answers
 * are the same as those of the copies; the cost is proportional to the clients that changed.
 *
 * <p>The first client recorded is kept in fields and the others in arrays, so a local edit's
 * journal is one small object. Lookups scan the arrays while they are short and go through a hash
 * index past {@link #SCAN_LIMIT} clients (a transaction that applies a large update can touch
 * thousands).
 */
final class ClockJournal {
  private static final int SCAN_LIMIT = 8;

  private static final long[] NONE = new long[0];

  /** Entry 0: the first client recorded, its start clock and (once frozen) its end clock. */
  private long firstClient;
  private long firstBefore;
  private long firstAfter;
  /** Entries 1 and up, at index {@code entry - 1}; null until a second client is recorded. */
  private long[] clients;
  private long[] before;
  private long[] after;
  private long[] changed;
  private int size;
  /** How many clients had been recorded when the journal was frozen; -1 while open. */
  private int frozen = -1;
  private HashMap<Long, Integer> index;

  private long clientAt(int entry) {
    return entry == 0 ? firstClient : clients[entry - 1];
  }

  private long beforeAt(int entry) {
    return entry == 0 ? firstBefore : before[entry - 1];
  }

  private long afterAt(int entry) {
    return entry == 0 ? firstAfter : after[entry - 1];
  }

  /** Records {@code clock} as the start clock of {@code client} unless one is recorded already. */
  void record(long client, long clock) {
    if (indexOf(client) >= 0) {
      return;
    }
    if (size == 0) {
      firstClient = client;
      firstBefore = clock;
    } else {
      if (clients == null || size - 1 == clients.length) {
        int capacity = clients == null ? 4 : clients.length * 2;
        clients = clients == null ? new long[capacity] : Arrays.copyOf(clients, capacity);
        before = before == null ? new long[capacity] : Arrays.copyOf(before, capacity);
      }
      clients[size - 1] = client;
      before[size - 1] = clock;
    }
    if (index != null) {
      index.put(client, size);
    } else if (size == SCAN_LIMIT) {
      index = new HashMap<>();
      for (int i = 0; i <= size; i++) {
        index.put(clientAt(i), i);
      }
    }
    size++;
  }

  private int indexOf(long client) {
    if (index != null) {
      Integer i = index.get(client);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < size; i++) {
      if (clientAt(i) == client) {
        return i;
      }
    }
    return -1;
  }

  /** The recorded start clock of {@code client}, or {@code orElse} when it has not changed. */
  long before(long client, long orElse) {
    int i = indexOf(client);
    return i < 0 ? orElse : beforeAt(i);
  }

  /** Takes the end clocks of the clients recorded so far from {@code store}. */
  void freeze(StructStore store) {
    frozen = size;
    int n = 0;
    for (int i = 0; i < size; i++) {
      long end = store.getState(clientAt(i));
      if (i == 0) {
        firstAfter = end;
      } else {
        if (after == null) {
          after = new long[size - 1];
        }
        after[i - 1] = end;
      }
      n += end != beforeAt(i) ? 1 : 0;
    }
    if (n == 1 && size == 1) {
      changed = store.single(firstClient);
      return;
    }
    changed = n == 0 ? NONE : new long[n];
    n = 0;
    for (int i = 0; i < size; i++) {
      if (afterAt(i) != beforeAt(i)) {
        changed[n++] = clientAt(i);
      }
    }
    if (n > 1) {
      Arrays.sort(changed);
    }
  }

  /** The end clock of {@code client} as frozen, or {@code orElse} when it had not changed then. */
  long after(long client, long orElse) {
    int i = indexOf(client);
    return i < 0 || i >= frozen ? orElse : afterAt(i);
  }

  /** The clients whose clock had grown when the journal was frozen, in increasing order (shared: read only). */
  long[] changedWhenFrozen() {
    return changed == null ? NONE : changed;
  }

  /** Every recorded client, in increasing order (may be shared: read only). */
  long[] recorded(StructStore store) {
    if (size <= 1) {
      return size == 0 ? NONE : store.single(firstClient);
    }
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = clientAt(i);
    }
    Arrays.sort(out);
    return out;
  }
}
