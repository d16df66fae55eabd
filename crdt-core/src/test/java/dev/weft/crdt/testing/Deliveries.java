package dev.weft.crdt.testing;

import dev.weft.crdt.Updates;
import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.Encoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Adversarial ways to deliver a history of updates (the per-transaction updates of a session,
 * in the order they were made) to a replica that has none of them. Every schedule carries all
 * the information of the history, so applying it must give the same document as applying the
 * history in order. Cf. okio's {@code BufferedSourceFactory}: one named factory per hostility.
 *
 * <pre>{@code
 * for (Delivery d : Deliveries.all(seed)) {
 *   Doc fresh = new Doc(99);
 *   d.schedule(history).forEach(fresh::applyUpdate);
 *   Replicas.assertSameState(original, fresh, d.name());
 * }
 * }</pre>
 */
public final class Deliveries {
  private Deliveries() {}

  /** A schedule of updates to apply, derived from a history. */
  public interface Delivery {
    String name();

    List<byte[]> schedule(List<byte[]> history);
  }

  private record Named(String name, java.util.function.UnaryOperator<List<byte[]>> how) implements Delivery {
    @Override
    public List<byte[]> schedule(List<byte[]> history) {
      return how.apply(List.copyOf(history));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The history as made: the control case. */
  public static Delivery inOrder() {
    return new Named("in order", h -> h);
  }

  /** Newest first: every update but the first arrives before what it depends on. */
  public static Delivery reversed() {
    return new Named("reversed", h -> {
      List<byte[]> out = new ArrayList<>(h);
      Collections.reverse(out);
      return out;
    });
  }

  /** Every update twice: the whole history, then the whole history again. */
  public static Delivery everythingTwice() {
    return new Named("everything twice", h -> {
      List<byte[]> out = new ArrayList<>(h);
      out.addAll(h);
      return out;
    });
  }

  /** Every update twice in a row, newest first. */
  public static Delivery reversedEachTwice() {
    return new Named("reversed, each twice", h -> {
      List<byte[]> out = new ArrayList<>();
      for (int i = h.size() - 1; i >= 0; i--) {
        out.add(h.get(i));
        out.add(h.get(i));
      }
      return out;
    });
  }

  /** A seeded random order, with some updates repeated. */
  public static Delivery shuffled(long seed) {
    return new Named("shuffled(" + seed + ")", h -> {
      Random r = new Random(seed);
      List<byte[]> out = new ArrayList<>(h);
      for (int i = r.nextInt(h.size() + 1); i > 0; i--) {
        out.add(h.get(r.nextInt(h.size())));
      }
      Collections.shuffle(out, r);
      return out;
    });
  }

  /**
   * Every update split against intermediate state vectors: for each client the update holds, its
   * suffixes {@code diffUpdate(update, {client: clock})} at several clocks inside the update's
   * range, shortest first (so they wait as pending structs), then the update itself.
   */
  public static Delivery splitEveryUpdate() {
    return new Named("split every update", h -> {
      List<byte[]> out = new ArrayList<>();
      for (byte[] u : h) {
        for (Map.Entry<Long, Long> e : stateVector(Updates.encodeStateVectorFromUpdate(u)).entrySet()) {
          long end = e.getValue();
          long step = Math.max(1, end / 6);
          for (long cut = end - 1; cut > 0; cut -= step) {
            out.add(Updates.diffUpdate(u, stateVector(Map.of(e.getKey(), cut))));
          }
        }
        out.add(u);
      }
      return out;
    });
  }

  /** Neighbouring updates merged pairwise ({@code mergeUpdates}), the pairs newest first. */
  public static Delivery mergedInPairsReversed() {
    return new Named("merged in pairs, reversed", h -> {
      List<byte[]> out = new ArrayList<>();
      for (int i = 0; i < h.size(); i += 2) {
        out.add(Updates.mergeUpdates(h.subList(i, Math.min(h.size(), i + 2))));
      }
      Collections.reverse(out);
      return out;
    });
  }

  /** The whole history as one merged update. */
  public static Delivery allMerged() {
    return new Named("all merged", h -> h.isEmpty() ? h : List.of(Updates.mergeUpdates(h)));
  }

  /** Every fixture above, with {@code seed} for the shuffled one. */
  public static List<Delivery> all(long seed) {
    return List.of(inOrder(), reversed(), everythingTwice(), reversedEachTwice(), shuffled(seed),
        splitEveryUpdate(), mergedInPairsReversed(), allMerged());
  }

  /** Decodes a state vector (lib0: count, then client and clock pairs). */
  public static Map<Long, Long> stateVector(byte[] sv) {
    Decoder d = new Decoder(sv);
    Map<Long, Long> out = new LinkedHashMap<>();
    for (long n = d.readVarUint(); n > 0; n--) {
      long client = d.readVarUint();
      out.put(client, d.readVarUint());
    }
    return out;
  }

  /** Encodes a state vector. */
  public static byte[] stateVector(Map<Long, Long> clocks) {
    Encoder e = new Encoder();
    e.writeVarUint(clocks.size());
    clocks.forEach((client, clock) -> {
      e.writeVarUint(client);
      e.writeVarUint(clock);
    });
    return e.toByteArray();
  }
}
