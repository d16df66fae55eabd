package dev.weft.crdt.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.testing.ChaoticNetwork;
import dev.weft.crdt.testing.ChaoticNetwork.Chaos;
import dev.weft.crdt.testing.DocEdits;
import dev.weft.crdt.testing.Replicas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;

/**
 * Hostile bytes: random input and mutated valid updates (bit flips, truncations, inserted and
 * deleted bytes, huge varints, absurd counts, spliced updates) either apply or raise
 * {@link DecodingException}, never another exception; a rejected update leaves the document byte
 * for byte as it was; and nothing hangs. The same holds for the document-free update algebra.
 */
@PropertyDefaults(edgeCases = EdgeCasesMode.NONE)
class MalformedInputProperties {
  /** Longest a single call may take before it counts as a hang. */
  private static final Duration HANG = Duration.ofSeconds(10);

  enum Mutation { BIT_FLIPS, TRUNCATE, INSERT_BYTES, DELETE_BYTES, HUGE_VARINT, ABSURD_COUNT, OVERWRITE, SPLICE, RANDOM }

  /** How to damage a valid update; the numbers pick positions and bytes. */
  record Damage(int source, List<Mutation> mutations, long seed) {}

  @Provide
  Arbitrary<Damage> damage() {
    return Combinators.combine(Arbitraries.integers().between(0, 1000),
        Arbitraries.of(Mutation.class).list().ofMinSize(1).ofMaxSize(3), Arbitraries.longs()).as(Damage::new);
  }

  /** Valid updates of a small concurrent session: per-transaction updates and full states. */
  static List<byte[]> validUpdates(long seed) {
    ChaoticNetwork net = new ChaoticNetwork(seed, 3, Chaos.hostile(), id -> ConvergenceProperties.newDoc(id, true));
    Random r = new Random(seed);
    for (int i = 0; i < 15; i++) {
      DocEdits.apply(net.replica(r.nextInt(3)),
          new DocEdits.Edit(r.nextInt(8), r.nextInt(12), r.nextInt(1000), r.nextInt(5), r.nextInt(1000)));
      net.step();
    }
    List<byte[]> out = new ArrayList<>(net.history());
    out.add(net.replica(0).encodeStateAsUpdate());
    out.add(Updates.mergeUpdates(net.history()));
    out.add(new byte[] {0, 0});
    return out;
  }

  static byte[] damage(List<byte[]> valid, Damage d) {
    Random r = new Random(d.seed());
    byte[] b = valid.get(d.source() % valid.size()).clone();
    for (Mutation m : d.mutations()) {
      b = mutate(b, m, r, valid);
    }
    return b;
  }

  private static byte[] mutate(byte[] b, Mutation m, Random r, List<byte[]> valid) {
    int at = r.nextInt(b.length + 1);
    return switch (m) {
      case BIT_FLIPS -> {
        byte[] out = b.clone();
        for (int k = 1 + r.nextInt(3); k > 0 && out.length > 0; k--) {
          out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
        }
        yield out;
      }
      case TRUNCATE -> Arrays.copyOf(b, r.nextInt(b.length + 1));
      case INSERT_BYTES -> {
        byte[] ins = new byte[1 + r.nextInt(4)];
        r.nextBytes(ins);
        yield splice(b, at, 0, ins);
      }
      case DELETE_BYTES -> splice(b, at, Math.min(b.length - at, 1 + r.nextInt(4)), new byte[0]);
      case HUGE_VARINT -> splice(b, at, r.nextBoolean() ? Math.min(1, b.length - at) : 0, new byte[] {
          (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
      case ABSURD_COUNT -> splice(b, at, Math.min(1, b.length - at), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
      case OVERWRITE -> {
        byte[] out = b.clone();
        if (out.length > 0) {
          out[r.nextInt(out.length)] = (byte) List.of(0, 1, 0x7f, 0x80, 0xff, 8, 9, 10, 0x28).get(r.nextInt(9)).intValue();
        }
        yield out;
      }
      case SPLICE -> {
        byte[] other = valid.get(r.nextInt(valid.size()));
        int from = r.nextInt(other.length + 1);
        yield splice(b, at, b.length - at, Arrays.copyOfRange(other, from, other.length));
      }
      case RANDOM -> {
        byte[] out = new byte[r.nextInt(64)];
        r.nextBytes(out);
        yield out;
      }
    };
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }

  @Property
  void applyUpdate_acceptsOrRejectsWithDecodingException_andARejectionChangesNothing(
      @ForAll("damage") Damage damage, @ForAll long sessionSeed, @ForAll boolean preloaded) {
    List<byte[]> valid = validUpdates(sessionSeed);
    byte[] bad = damage(valid, damage);
    Doc target = ConvergenceProperties.newDoc(77, true);
    if (preloaded) {
      target.applyUpdate(valid.get(0));
    }
    byte[] before = target.encodeStateAsUpdate();
    byte[] svBefore = target.encodeStateVector();
    Map<String, String> contentBefore = Replicas.content(target);
    Throwable failure = call(() -> {
      target.applyUpdate(bad);
      return null;
    });
    if (failure instanceof DecodingException) {
      assertArrayEquals(svBefore, target.encodeStateVector(), "state vector changed by a rejected update");
      assertArrayEquals(before, target.encodeStateAsUpdate(), "encodeStateAsUpdate changed by a rejected update");
      assertEquals(contentBefore, Replicas.content(target), "content changed by a rejected update");
    } else if (failure != null) {
      fail("applyUpdate threw " + failure + " for " + hex(bad), failure);
    }
    // whatever was accepted, the document still encodes, and its state loads elsewhere
    Doc copy = ConvergenceProperties.newDoc(78, true);
    copy.applyUpdate(target.encodeStateAsUpdate());
    assertArrayEquals(target.encodeStateVector(), copy.encodeStateVector(), "state of a document that accepted " + hex(bad));
  }

  @Property
  void updateAlgebra_onlyEverRaisesDecodingException(@ForAll("damage") Damage damage, @ForAll long sessionSeed) {
    List<byte[]> valid = validUpdates(sessionSeed);
    byte[] bad = damage(valid, damage);
    byte[] good = valid.get(damage.source() % valid.size());
    Map<String, Supplier<Object>> calls = Map.of(
        "mergeUpdates(good, bad)", () -> Updates.mergeUpdates(List.of(good, bad)),
        "mergeUpdates(bad, bad)", () -> Updates.mergeUpdates(List.of(bad, bad)),
        "diffUpdate(bad, empty sv)", () -> Updates.diffUpdate(bad, new byte[] {0}),
        "diffUpdate(bad, sv)", () -> Updates.diffUpdate(bad, Updates.encodeStateVectorFromUpdate(good)),
        "diffUpdate(good, bad as sv)", () -> Updates.diffUpdate(good, bad),
        "encodeStateVectorFromUpdate(bad)", () -> Updates.encodeStateVectorFromUpdate(bad),
        "encodeStateAsUpdate(bad as sv)", () -> applyAll(valid).encodeStateAsUpdate(bad));
    calls.forEach((name, call) -> {
      Throwable failure = call(call);
      if (failure != null && !(failure instanceof DecodingException)) {
        fail(name + " threw " + failure + " for " + hex(bad), failure);
      }
    });
  }

  private static Doc applyAll(List<byte[]> updates) {
    Doc doc = new Doc(5);
    updates.forEach(doc::applyUpdate);
    return doc;
  }

  /** Runs {@code call} under the hang limit; returns what it threw, or null. */
  private static Throwable call(Supplier<Object> call) {
    return assertTimeoutPreemptively(HANG, () -> {
      try {
        call.get();
        return null;
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        return e;
      }
    }, "hangs");
  }

  static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }
}
