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
 * <p>Lookups scan the arrays while they are short and go through a hash index past
 * {@link #SCAN_LIMIT} clients (a transaction that applies a large update can touch thousands).
 */
final class ClockJournal {
  private static final int SCAN_LIMIT = 8;

  private static final long[] NONE = new long[0];

  private long[] clients = NONE;
  private long[] before = NONE;
  private long[] after;
  private long[] changed;
  private int size;
  /** How many clients had been recorded when the journal was frozen; -1 while open. */
  private int frozen = -1;
  private HashMap<Long, Integer> index;

  /** Records {@code clock} as the start clock of {@code client} unless one is recorded already. */
  void record(long client, long clock) {
    if (indexOf(client) >= 0) {
      return;
    }
    if (size == clients.length) {
      clients = Arrays.copyOf(clients, Math.max(1, size * 2)); // one: a local edit's client
      before = Arrays.copyOf(before, clients.length);
    }
    clients[size] = client;
    before[size] = clock;
    if (index != null) {
      index.put(client, size);
    } else if (size == SCAN_LIMIT) {
      index = new HashMap<>();
      for (int i = 0; i <= size; i++) {
        index.put(clients[i], i);
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
      if (clients[i] == client) {
        return i;
      }
    }
    return -1;
  }

  /** The recorded start clock of {@code client}, or {@code orElse} when it has not changed. */
  long before(long client, long orElse) {
    int i = indexOf(client);
    return i < 0 ? orElse : before[i];
  }

  /** Takes the end clocks of the clients recorded so far from {@code store}. */
  void freeze(StructStore store) {
    frozen = size;
    after = size == 0 ? NONE : new long[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      after[i] = store.getState(clients[i]);
      n += after[i] != before[i] ? 1 : 0;
    }
    if (n == 1 && size == 1 && clients.length == 1) {
      changed = clients; // shared: never written again (a new client grows it into a copy)
      return;
    }
    changed = n == 0 ? NONE : new long[n];
    n = 0;
    for (int i = 0; i < size; i++) {
      if (after[i] != before[i]) {
        changed[n++] = clients[i];
      }
    }
    if (n > 1) {
      Arrays.sort(changed);
    }
  }

  /** The end clock of {@code client} as frozen, or {@code orElse} when it had not changed then. */
  long after(long client, long orElse) {
    int i = indexOf(client);
    return i < 0 || i >= frozen ? orElse : after[i];
  }

  /** The clients whose clock had grown when the journal was frozen, in increasing order. */
  long[] changedWhenFrozen() {
    return changed == null ? NONE : changed; // shared: callers only read it
  }

  /** Every recorded client, in increasing order. */
  long[] recorded() {
    if (size == 1 && clients.length == 1) {
      return clients; // shared, as in freeze()
    }
    long[] out = Arrays.copyOf(clients, size);
    if (size > 1) {
      Arrays.sort(out);
    }
    return out;
  }

  boolean isFrozen() {
    return frozen >= 0;
  }
}
