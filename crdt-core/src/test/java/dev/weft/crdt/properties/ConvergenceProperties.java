package dev.weft.crdt.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YMap;
import dev.weft.crdt.testing.ChaoticNetwork;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Replicas that make random concurrent edits over a hostile network (drops, delays, reordering,
 * duplicates, partitions, reconnects with state-vector resync) end identical once the network
 * heals: the same content, the same state vector, and byte for byte the same full state.
 */
class ConvergenceProperties {
  @Property
  void replicasConverge(@ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int replicas,
      @ForAll boolean gc, @ForAll @IntRange(min = 10, max = 120) int steps) {
    ChaoticNetwork net = new ChaoticNetwork(seed, replicas, gc);
    Random r = net.random();
    for (int i = 0; i < steps; i++) {
      if (r.nextInt(3) == 0) {
        net.step();
      } else {
        RandomEdits.apply(net.replica(r.nextInt(replicas)), r);
      }
    }
    net.healAndSync();
    Doc first = net.replica(0);
    for (int i = 1; i < replicas; i++) {
      Doc other = net.replica(i);
      String what = "replica " + i + " (" + net + ")";
      assertEquals(first.getArray("list").toJson(), other.getArray("list").toJson(), what);
      assertEquals(first.getMap("map").toJson(), other.getMap("map").toJson(), what);
      assertArrayEquals(first.encodeStateVector(), other.encodeStateVector(), what);
      assertArrayEquals(first.encodeStateAsUpdate(), other.encodeStateAsUpdate(), what);
    }
  }

  /** Random local edits on a list, a map and types nested in them. */
  static final class RandomEdits {
    private RandomEdits() {}

    static void apply(Doc doc, Random r) {
      YArray list = doc.getArray("list");
      YMap map = doc.getMap("map");
      switch (r.nextInt(9)) {
        case 0, 1 -> list.insert(r.nextInt(list.length() + 1), r.nextInt(1000), "v" + r.nextInt(50));
        case 2 -> {
          if (list.length() > 0) {
            int at = r.nextInt(list.length());
            list.delete(at, 1 + r.nextInt(Math.min(4, list.length() - at)));
          }
        }
        case 3 -> list.push(r.nextBoolean(), null, 1.5);
        case 4 -> map.set("k" + r.nextInt(6), r.nextInt(100));
        case 5 -> map.delete("k" + r.nextInt(6));
        case 6 -> {
          YMap nested = new YMap();
          nested.set("n", r.nextInt(10));
          map.set("nested" + r.nextInt(2), nested);
        }
        case 7 -> {
          if (map.get("nested0") instanceof YMap nested) {
            nested.set("m" + r.nextInt(3), "x" + r.nextInt(10));
          }
        }
        default -> doc.transact(t -> {
          list.push("t" + r.nextInt(10));
          map.set("k" + r.nextInt(6), "in a transaction");
        });
      }
    }
  }
}
