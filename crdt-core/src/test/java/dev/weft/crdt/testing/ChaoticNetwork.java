package dev.weft.crdt.testing;

import dev.weft.crdt.Doc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * Replicas of one document joined by a seeded, hostile in-memory network.
 *
 * <p>Every update a replica emits for a local transaction ({@link Doc#onUpdate}) is sent to every
 * other replica over its own link. A send may be dropped, or duplicated; each copy arrives after a
 * random delay, so messages overtake each other. Partitions cut every link between a random group
 * and the rest (messages on a cut link are lost) and heal after a random time; a healed link
 * reconnects, and on every reconnect the two replicas resync the way a provider does: each sends
 * its state vector and receives {@code encodeStateAsUpdate(stateVector)} back. Random reconnects
 * also happen on live links (a dropped socket), losing what was in flight on them.
 *
 * <p>All randomness comes from one seed, so a run replays exactly: in a jqwik property take the
 * seed as a {@code @ForAll long} parameter and failures print it, shrink it and replay it.
 *
 * <pre>{@code
 * ChaoticNetwork net = new ChaoticNetwork(seed, 4);
 * for (...) { edit(net.replica(i)); net.step(); }
 * net.healAndSync();
 * Replicas.assertConverged(net.replicas(), net.toString());
 * }</pre>
 */
public final class ChaoticNetwork {
  /** Origin of every update the network applies; replicas do not send such updates on. */
  public static final Object NETWORK = new Object() {
    @Override
    public String toString() {
      return "network";
    }
  };

  /**
   * How hostile the network is. Percentages are per message (drop, duplicate) or per
   * {@link #step()} (partition, reconnect); delays and partition lengths count steps.
   */
  public record Chaos(int dropPercent, int duplicatePercent, int maxDelay, int partitionPercent,
      int maxPartitionSteps, int reconnectPercent) {
    /** Frequent loss, duplication, reordering, partitions and reconnects. */
    public static Chaos hostile() {
      return new Chaos(20, 15, 12, 6, 25, 4);
    }

    /** Reliable, in-order, immediate delivery: the control case. */
    public static Chaos perfect() {
      return new Chaos(0, 0, 0, 0, 0, 0);
    }

    /** Reordering and duplication but no loss, so convergence needs no resync. */
    public static Chaos reorderOnly() {
      return new Chaos(0, 20, 20, 0, 0, 0);
    }
  }

  private record Message(int from, int to, byte[] update, long due) {}

  private final Random random;
  private final Chaos chaos;
  private final List<Doc> replicas = new ArrayList<>();
  private final List<Message> inFlight = new ArrayList<>();
  private final List<byte[]> history = new ArrayList<>();
  /** {@code healAt[a][b]}: the step at which the cut link a–b heals; 0 for a live link. */
  private final long[][] healAt;
  private long now;
  private int sent;
  private int delivered;
  private int dropped;
  private int duplicated;
  private int partitions;
  private int resyncs;

  /** {@code replicas} documents with client ids 1..n and GC on, on a {@link Chaos#hostile()} network. */
  public ChaoticNetwork(long seed, int replicas) {
    this(seed, replicas, Chaos.hostile(), Doc::new);
  }

  /** {@code replicas} documents made by {@code newDoc} from the client ids 1..n. */
  public ChaoticNetwork(long seed, int replicas, Chaos chaos, LongFunction<Doc> newDoc) {
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas=" + replicas);
    }
    this.random = new Random(seed);
    this.chaos = chaos;
    this.healAt = new long[replicas][replicas];
    for (int i = 0; i < replicas; i++) {
      Doc doc = newDoc.apply(i + 1);
      int from = i;
      doc.onUpdate((update, origin, txn) -> {
        if (origin != NETWORK) {
          send(from, update);
        }
      });
      this.replicas.add(doc);
    }
  }

  public Doc replica(int i) {
    return replicas.get(i);
  }

  public List<Doc> replicas() {
    return Collections.unmodifiableList(replicas);
  }

  public int size() {
    return replicas.size();
  }

  /** The network's random source; use it for edits too, so the seed fixes the whole run. */
  public Random random() {
    return random;
  }

  /** Every update emitted by a local transaction on any replica, in emission order. */
  public List<byte[]> history() {
    return Collections.unmodifiableList(history);
  }

  /** Whether the link between two replicas is up. */
  public boolean connected(int a, int b) {
    return healAt[a][b] == 0;
  }

  private void send(int from, byte[] update) {
    history.add(update);
    for (int to = 0; to < replicas.size(); to++) {
      if (to == from) {
        continue;
      }
      sent++;
      if (!connected(from, to) || percent(chaos.dropPercent())) {
        dropped++;
        continue;
      }
      inFlight.add(new Message(from, to, update, now + delay()));
      if (percent(chaos.duplicatePercent())) {
        duplicated++;
        inFlight.add(new Message(from, to, update, now + delay()));
      }
    }
  }

  /**
   * One unit of network time: partitions may start or heal (a healed link resyncs), a live link
   * may drop and reconnect, and some of the messages that are due arrive, in random order.
   */
  public void step() {
    now++;
    healDueLinks();
    if (percent(chaos.partitionPercent()) && replicas.size() > 1) {
      partition();
    }
    if (percent(chaos.reconnectPercent()) && replicas.size() > 1) {
      int a = random.nextInt(replicas.size());
      int b = random.nextInt(replicas.size());
      if (a != b && connected(a, b)) {
        inFlight.removeIf(m -> (m.from() == a && m.to() == b) || (m.from() == b && m.to() == a));
        resync(a, b);
      }
    }
    List<Message> due = new ArrayList<>();
    for (Message m : inFlight) {
      if (m.due() <= now) {
        due.add(m);
      }
    }
    if (chaos.maxDelay() == 0) {
      due.forEach(this::deliver); // the control case: everything, in order
      return;
    }
    Collections.shuffle(due, random);
    for (Message m : due.subList(0, due.isEmpty() ? 0 : 1 + random.nextInt(due.size()))) {
      deliver(m);
    }
  }

  /** {@code steps} calls of {@link #step()}. */
  public void run(int steps) {
    for (int i = 0; i < steps; i++) {
      step();
    }
  }

  private void deliver(Message m) {
    inFlight.remove(m);
    if (!connected(m.from(), m.to())) {
      dropped++;
      return;
    }
    delivered++;
    replicas.get(m.to()).applyUpdate(m.update(), NETWORK);
  }

  /** Cuts every link between a random non-empty group of replicas and the others. */
  private void partition() {
    boolean[] group = new boolean[replicas.size()];
    group[random.nextInt(group.length)] = true;
    for (int i = 0; i < group.length; i++) {
      group[i] |= random.nextInt(3) == 0;
    }
    long heal = now + 1 + random.nextInt(Math.max(1, chaos.maxPartitionSteps()));
    boolean any = false;
    for (int a = 0; a < group.length; a++) {
      for (int b = 0; b < group.length; b++) {
        if (group[a] && !group[b]) {
          healAt[a][b] = Math.max(healAt[a][b], heal);
          healAt[b][a] = healAt[a][b];
          any = true;
        }
      }
    }
    partitions += any ? 1 : 0;
  }

  private void healDueLinks() {
    for (int a = 0; a < replicas.size(); a++) {
      for (int b = a + 1; b < replicas.size(); b++) {
        if (healAt[a][b] != 0 && healAt[a][b] <= now) {
          healAt[a][b] = 0;
          healAt[b][a] = 0;
          resync(a, b);
        }
      }
    }
  }

  /**
   * The reconnect handshake between two replicas: both send their state vector and receive what
   * they lack. Does nothing while their link is cut.
   */
  public void resync(int a, int b) {
    if (a == b || !connected(a, b)) {
      return;
    }
    resyncs++;
    Doc x = replicas.get(a);
    Doc y = replicas.get(b);
    byte[] svX = x.encodeStateVector();
    byte[] svY = y.encodeStateVector();
    byte[] forY = x.encodeStateAsUpdate(svY);
    byte[] forX = y.encodeStateAsUpdate(svX);
    y.applyUpdate(forY, NETWORK);
    x.applyUpdate(forX, NETWORK);
  }

  /**
   * Ends the chaos: heals every partition, delivers whatever is still in flight (in random
   * order), then resyncs every pair of replicas until a round changes no state vector.
   */
  public void healAndSync() {
    for (long[] row : healAt) {
      Arrays.fill(row, 0);
    }
    Collections.shuffle(inFlight, random);
    while (!inFlight.isEmpty()) {
      deliver(inFlight.get(inFlight.size() - 1));
    }
    for (int round = 0; round <= replicas.size(); round++) {
      List<String> before = stateVectors();
      for (int a = 0; a < replicas.size(); a++) {
        for (int b = a + 1; b < replicas.size(); b++) {
          resync(a, b);
        }
      }
      if (before.equals(stateVectors())) {
        return;
      }
    }
  }

  private List<String> stateVectors() {
    List<String> out = new ArrayList<>();
    for (Doc d : replicas) {
      out.add(Arrays.toString(d.encodeStateVector()));
    }
    return out;
  }

  private boolean percent(int p) {
    return p > 0 && random.nextInt(100) < p;
  }

  private long delay() {
    return chaos.maxDelay() == 0 ? 0 : random.nextInt(chaos.maxDelay() + 1);
  }

  @Override
  public String toString() {
    return replicas.size() + " replicas after " + now + " steps: " + history.size() + " updates, " + sent
        + " sends, " + delivered + " delivered, " + dropped + " lost, " + duplicated + " duplicated, "
        + partitions + " partitions, " + resyncs + " resyncs";
  }
}
