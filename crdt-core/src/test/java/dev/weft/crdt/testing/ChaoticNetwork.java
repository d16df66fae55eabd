package dev.weft.crdt.testing;

import dev.weft.crdt.Doc;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Replicas of one document connected by a seeded, hostile network: every update a replica emits is
 * queued for every other replica, and delivery may drop it, delay it, reorder it or deliver it
 * twice; partitions cut replicas off until they heal; reconnects resync by state vector, the way
 * a provider does after a reconnect. Everything depends on the seed, so a failure replays.
 */
public final class ChaoticNetwork {
  /** Origin of updates applied by the network, so replicas do not re-broadcast them. */
  public static final Object NETWORK = new Object() {
    @Override
    public String toString() {
      return "network";
    }
  };

  private final Random random;
  private final List<Doc> replicas = new ArrayList<>();
  private final List<List<byte[]>> inboxes = new ArrayList<>();
  private final boolean[] partitioned;
  private int delivered;
  private int dropped;
  private int duplicated;

  public ChaoticNetwork(long seed, int replicas, boolean gc) {
    this.random = new Random(seed);
    this.partitioned = new boolean[replicas];
    for (int i = 0; i < replicas; i++) {
      Doc d = new Doc(i + 1);
      d.setGc(gc);
      final int from = i;
      d.onUpdate((update, origin, tx) -> {
        if (origin != NETWORK) {
          broadcast(from, update);
        }
      });
      this.replicas.add(d);
      inboxes.add(new ArrayList<>());
    }
  }

  public Doc replica(int i) {
    return replicas.get(i);
  }

  public int size() {
    return replicas.size();
  }

  public Random random() {
    return random;
  }

  private void broadcast(int from, byte[] update) {
    for (int to = 0; to < replicas.size(); to++) {
      if (to != from && !partitioned[to] && !partitioned[from]) {
        inboxes.get(to).add(update);
      }
    }
  }

  /** One random network event: deliver, drop, duplicate, partition, heal or reconnect. */
  public void step() {
    int to = random.nextInt(replicas.size());
    List<byte[]> inbox = inboxes.get(to);
    int roll = random.nextInt(100);
    if (roll < 55 && !inbox.isEmpty()) {
      // deliver a random pending update (reordering and delay)
      replicas.get(to).applyUpdate(inbox.remove(random.nextInt(inbox.size())), NETWORK);
      delivered++;
    } else if (roll < 65 && !inbox.isEmpty()) {
      inbox.remove(random.nextInt(inbox.size()));
      dropped++;
    } else if (roll < 72 && !inbox.isEmpty()) {
      inbox.add(inbox.get(random.nextInt(inbox.size())));
      duplicated++;
    } else if (roll < 77) {
      partitioned[to] = true;
      inbox.clear();
    } else if (roll < 85 && partitioned[to]) {
      partitioned[to] = false;
      resync(to, random.nextInt(replicas.size()));
    } else if (roll < 90) {
      resync(to, random.nextInt(replicas.size()));
    }
  }

  /** Both replicas exchange state vectors and send each other what the other lacks. */
  public void resync(int a, int b) {
    if (a == b || partitioned[a] || partitioned[b]) {
      return;
    }
    Doc x = replicas.get(a);
    Doc y = replicas.get(b);
    byte[] forY = x.encodeStateAsUpdate(y.encodeStateVector());
    byte[] forX = y.encodeStateAsUpdate(x.encodeStateVector());
    y.applyUpdate(forY, NETWORK);
    x.applyUpdate(forX, NETWORK);
  }

  /** Heals every partition and syncs every pair until nothing is missing. */
  public void healAndSync() {
    java.util.Arrays.fill(partitioned, false);
    for (int round = 0; round < 2; round++) {
      for (int a = 0; a < replicas.size(); a++) {
        for (int b = 0; b < replicas.size(); b++) {
          resync(a, b);
        }
      }
    }
  }

  @Override
  public String toString() {
    return replicas.size() + " replicas, " + delivered + " delivered, " + dropped + " dropped, "
        + duplicated + " duplicated";
  }
}
