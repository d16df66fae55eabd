package dev.weft.transport.awareness;

import dev.weft.crdt.Subscription;
import dev.weft.transport.Ticker;
import dev.weft.transport.protocol.AwarenessUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The awareness states of one document session: this client's own state plus the latest state of
 * every other client heard from, each with a clock. A port of y-protocols' {@code Awareness}.
 *
 * <p><b>Rules</b> (as in {@code applyAwarenessUpdate}). A remote entry is accepted when its clock is
 * newer than the one known, or when it has the same clock and removes a state that is present.
 * A remote removal of <em>our own</em> state is refused: our clock is bumped instead, and the
 * {@code update} event lets the session re-announce us.
 *
 * <p><b>Time.</b> Nothing here runs by itself. Call {@link #checkTimeouts()} about every
 * {@link #CHECK_INTERVAL_MILLIS} (the sync session and the hub do): it renews the local state when
 * it is {@link #RENEW_INTERVAL_MILLIS} old, so that peers do not expire it, and drops remote states
 * not refreshed for {@link #OUTDATED_TIMEOUT_MILLIS}. Time comes from the injected {@link Ticker}.
 *
 * <p><b>Events.</b> {@code update} fires for every accepted entry, renewals included (this is what
 * gets forwarded to peers); {@code change} fires only when a state was added, removed or set to a
 * different value (this is what a UI wants).
 *
 * <p><b>Threads.</b> Not thread-safe: guard it with the same lock as the document it belongs to
 * (a {@link dev.weft.transport.SyncSession} uses the document's monitor by default). Listeners run
 * on the calling thread.
 */
public final class Awareness {
  /** Remote states not refreshed for this long are removed. y-protocols {@code outdatedTimeout}. */
  public static final long OUTDATED_TIMEOUT_MILLIS = 30_000;
  /** The local state is re-sent (clock + 1) when it is this old. */
  public static final long RENEW_INTERVAL_MILLIS = OUTDATED_TIMEOUT_MILLIS / 2;
  /** How often {@link #checkTimeouts()} should run; y-protocols checks every 3 s. */
  public static final long CHECK_INTERVAL_MILLIS = OUTDATED_TIMEOUT_MILLIS / 10;

  /** Origin of changes made through {@link #setLocalState}. */
  public static final Object LOCAL = new NamedOrigin("local");
  /** Origin of removals made by {@link #checkTimeouts()}. */
  public static final Object TIMEOUT = new NamedOrigin("timeout");

  private record Meta(long clock, long lastUpdated) {}

  private record NamedOrigin(String name) {
    @Override
    public String toString() {
      return name;
    }
  }

  private final long clientId;
  private final Ticker ticker;
  private final Map<Long, Object> states = new LinkedHashMap<>();
  private final Map<Long, Meta> meta = new LinkedHashMap<>();
  private final List<AwarenessListener> changeListeners = new CopyOnWriteArrayList<>();
  private final List<AwarenessListener> updateListeners = new CopyOnWriteArrayList<>();

  /** An awareness for the client {@code clientId} (use the document's client id), with no local state. */
  public Awareness(long clientId, Ticker ticker) {
    this.clientId = clientId;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    // Clock 0 is spent on "no state yet", as Yjs spends it on its initial empty state: peers
    // accept only clocks above what they know (0 for a stranger), so the first real state is 1.
    meta.put(clientId, new Meta(0, ticker.millis()));
  }

  public long clientId() {
    return clientId;
  }

  /** This client's state, or null when it has none (it is then absent for peers). */
  public Object localState() {
    return states.get(clientId);
  }

  /**
   * Sets this client's state (a JSON-like value: maps, lists, strings, numbers, booleans), or
   * removes it with {@code null}, and bumps the local clock. y-protocols {@code setLocalState}.
   */
  public void setLocalState(Object state) {
    Meta m = meta.get(clientId);
    long clock = m == null ? 0 : m.clock + 1;
    Object prev = states.get(clientId);
    if (state == null) {
      states.remove(clientId);
    } else {
      states.put(clientId, state);
    }
    meta.put(clientId, new Meta(clock, ticker.millis()));
    List<Long> me = List.of(clientId);
    List<Long> none = List.of();
    if (state == null) {
      fire(new AwarenessChange(none, none, me, LOCAL), prev != null);
    } else if (prev == null) {
      fire(new AwarenessChange(me, none, none, LOCAL), true);
    } else {
      fire(new AwarenessChange(none, me, none, LOCAL), !prev.equals(state));
    }
  }

  /** Replaces one field of the local state (a map); does nothing when there is no local state. */
  public void setLocalStateField(String field, Object value) {
    if (localState() instanceof Map<?, ?> m) {
      Map<Object, Object> copy = new LinkedHashMap<>(m);
      copy.put(field, value);
      setLocalState(copy);
    }
  }

  /** Re-sends the local state with a newer clock, if there is one. */
  public void renew() {
    Object s = localState();
    if (s != null) {
      setLocalState(s);
    }
  }

  /** Every known state by client id, the local one included. A copy. */
  public Map<Long, Object> states() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  /** The clock known for {@code client}, or -1 if never heard of. */
  public long clock(long client) {
    Meta m = meta.get(client);
    return m == null ? -1 : m.clock;
  }

  /** The entries of the given clients (null states for removed ones), for sending. */
  public AwarenessUpdate encode(Collection<Long> clients) {
    List<AwarenessUpdate.Entry> out = new ArrayList<>();
    for (Long c : clients) {
      Meta m = meta.get(c);
      if (m != null) {
        out.add(new AwarenessUpdate.Entry(c, m.clock, states.get(c)));
      }
    }
    return new AwarenessUpdate(out);
  }

  /** The entries of every client that has a state. */
  public AwarenessUpdate encodeAll() {
    return encode(new ArrayList<>(states.keySet()));
  }

  /** Applies entries received from a peer. y-protocols {@code applyAwarenessUpdate}. */
  public void apply(AwarenessUpdate update, Object origin) {
    long now = ticker.millis();
    List<Long> added = new ArrayList<>();
    List<Long> updated = new ArrayList<>();
    List<Long> changed = new ArrayList<>();
    List<Long> removed = new ArrayList<>();
    for (AwarenessUpdate.Entry e : update.entries()) {
      long client = e.clientId();
      long clock = e.clock();
      Meta known = meta.get(client);
      long current = known == null ? 0 : known.clock;
      boolean present = states.containsKey(client);
      if (!(current < clock || (current == clock && e.state() == null && present))) {
        continue;
      }
      Object prev = states.get(client);
      if (e.state() == null && client == clientId && localState() != null) {
        clock = Math.max(clock, current) + 1; // never let a peer remove us: re-announce instead
        meta.put(client, new Meta(clock, now));
        updated.add(client);
        continue;
      }
      if (e.state() == null) {
        states.remove(client);
      } else {
        states.put(client, e.state());
      }
      meta.put(client, new Meta(clock, now));
      if (e.state() == null) {
        if (known != null) {
          removed.add(client);
        }
      } else if (prev == null) {
        added.add(client);
      } else {
        updated.add(client);
        if (!prev.equals(e.state())) {
          changed.add(client);
        }
      }
    }
    if (!added.isEmpty() || !changed.isEmpty() || !removed.isEmpty()) {
      emit(changeListeners, new AwarenessChange(added, changed, removed, origin));
    }
    AwarenessChange all = new AwarenessChange(added, updated, removed, origin);
    if (!all.isEmpty()) {
      emit(updateListeners, all);
    }
  }

  /**
   * Removes the states of {@code clients} (for example those a closed connection controlled)
   * without bumping their clocks, so their next announcement is accepted as soon as it is newer.
   * y-protocols {@code removeAwarenessStates}.
   */
  public void removeStates(Collection<Long> clients, Object origin) {
    List<Long> removed = new ArrayList<>();
    for (Long c : clients) {
      if (states.remove(c) != null) {
        if (c == clientId) {
          Meta m = meta.get(c);
          meta.put(c, new Meta(m.clock + 1, ticker.millis()));
        }
        removed.add(c);
      }
    }
    if (!removed.isEmpty()) {
      AwarenessChange ch = new AwarenessChange(List.of(), List.of(), removed, origin);
      emit(changeListeners, ch);
      emit(updateListeners, ch);
    }
  }

  /** Renews the local state and expires silent remote ones; see the class comment. */
  public void checkTimeouts() {
    long now = ticker.millis();
    Meta mine = meta.get(clientId);
    if (localState() != null && mine != null && now - mine.lastUpdated >= RENEW_INTERVAL_MILLIS) {
      renew();
    }
    List<Long> expired = new ArrayList<>();
    meta.forEach((c, m) -> {
      if (c != clientId && now - m.lastUpdated >= OUTDATED_TIMEOUT_MILLIS && states.containsKey(c)) {
        expired.add(c);
      }
    });
    removeStates(expired, TIMEOUT);
  }

  /** Listens to changes of content: a state added, removed or set to a different value. */
  public Subscription onChange(AwarenessListener listener) {
    changeListeners.add(listener);
    return () -> changeListeners.remove(listener);
  }

  /** Listens to every accepted entry, renewals included: what to forward to peers. */
  public Subscription onUpdate(AwarenessListener listener) {
    updateListeners.add(listener);
    return () -> updateListeners.remove(listener);
  }

  private void fire(AwarenessChange change, boolean changedContent) {
    if (changedContent) {
      emit(changeListeners, change);
    }
    emit(updateListeners, change);
  }

  private static void emit(List<AwarenessListener> listeners, AwarenessChange change) {
    for (AwarenessListener l : listeners) {
      l.onChange(change);
    }
  }
}
