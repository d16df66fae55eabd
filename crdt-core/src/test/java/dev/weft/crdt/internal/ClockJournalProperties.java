package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.constraints.IntRange;

/**
 * The journal answers as copies of the state vector taken when the transaction began and when it
 * was frozen would: for one client (kept in fields), a few (scanned) and many (hashed), with clients
 * that grow, grow again, and never grow.
 */
@PropertyDefaults(tries = 200, edgeCases = EdgeCasesMode.NONE)
class ClockJournalProperties {

  @Property
  void answersAsStateVectorCopies(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int clientCount,
      @ForAll @IntRange(min = 0, max = 120) int growths) {
    Random random = new Random(seed);
    StructStore store = new StructStore();
    List<Long> clients = new java.util.ArrayList<>();
    for (int i = 0; i < clientCount; i++) {
      long client = random.nextInt(1000) * 7919L + i; // distinct, in no order
      clients.add(client);
      if (random.nextBoolean()) {
        store.addStruct(new GcStruct(client, 0, 1 + random.nextInt(5)));
      }
    }
    Map<Long, Long> atStart = stateVector(store, clients);
    ClockJournal journal = new ClockJournal();
    Map<Long, Long> recorded = new LinkedHashMap<>();
    for (int g = 0; g < growths; g++) {
      long client = clients.get(random.nextInt(clients.size()));
      long clock = store.getState(client);
      journal.record(client, clock); // what the store does before a client's clock grows
      recorded.putIfAbsent(client, clock);
      store.addStruct(new GcStruct(client, clock, 1 + random.nextInt(3)));
    }
    for (long client : clients) {
      assertEquals(atStart.get(client), journal.before(client, store.getState(client)), "before, client " + client);
    }
    journal.freeze(store);
    Map<Long, Long> atFreeze = stateVector(store, clients);
    long[] changed = clients.stream().filter(c -> !atStart.get(c).equals(atFreeze.get(c)))
        .mapToLong(Long::longValue).sorted().toArray();
    assertArrayEquals(changed, journal.changedWhenFrozen());
    assertArrayEquals(recorded.keySet().stream().mapToLong(Long::longValue).sorted().toArray(), journal.recorded(store));
    // growth after the freeze changes neither the start nor the frozen end
    long late = clients.get(random.nextInt(clients.size()));
    journal.record(late, store.getState(late));
    store.addStruct(new GcStruct(late, store.getState(late), 2));
    for (long client : clients) {
      assertEquals(atStart.get(client), journal.before(client, store.getState(client)), "before after freeze, client " + client);
      long orElse = journal.before(client, store.getState(client));
      assertEquals(recorded.containsKey(client) ? atFreeze.get(client) : orElse, journal.after(client, orElse),
          "after, client " + client);
    }
  }

  private static Map<Long, Long> stateVector(StructStore store, List<Long> clients) {
    Map<Long, Long> sv = new HashMap<>();
    for (long client : clients) {
      sv.put(client, store.getState(client));
    }
    return sv;
  }
}
