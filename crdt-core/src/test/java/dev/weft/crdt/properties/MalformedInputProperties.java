package dev.weft.crdt.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.crdt.encoding.DecodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Hostile bytes: random input and mutated valid updates either apply or raise DecodingException,
 * never another exception; a rejected update leaves the document byte for byte as it was; and
 * nothing hangs (each try is bounded by a timeout) or runs out of memory.
 */
class MalformedInputProperties {
  /** Updates of a small document with text-free content of every common kind. */
  private static List<byte[]> validUpdates(Random r) {
    List<byte[]> updates = new ArrayList<>();
    Doc d = new Doc(1 + r.nextInt(5));
    d.onUpdate((u, o, t) -> updates.add(u));
    for (int i = 0; i < 12; i++) {
      ConvergenceProperties.RandomEdits.apply(d, r);
    }
    updates.add(d.encodeStateAsUpdate());
    return updates;
  }

  private static byte[] mutate(byte[] in, Random r) {
    byte[] b = in.clone();
    switch (r.nextInt(6)) {
      case 0 -> {
        for (int k = 1 + r.nextInt(3); k > 0 && b.length > 0; k--) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
      }
      case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
      case 2 -> {
        int at = r.nextInt(b.length + 1);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = (byte) r.nextInt();
        System.arraycopy(b, at, out, at + 1, b.length - at);
        b = out;
      }
      case 3 -> {
        if (b.length > 1) {
          int at = r.nextInt(b.length);
          byte[] out = new byte[b.length - 1];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(b, at + 1, out, at, b.length - at - 1);
          b = out;
        }
      }
      case 4 -> {
        // a huge varint where a count or length is expected
        int at = r.nextInt(b.length + 1);
        byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        byte[] out = new byte[b.length + huge.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(huge, 0, out, at, huge.length);
        System.arraycopy(b, at, out, at + huge.length, b.length - at);
        b = out;
      }
      default -> {
        b = new byte[r.nextInt(40)];
        r.nextBytes(b);
      }
    }
    return b;
  }

  @Property
  void applyIsAtomic_andOnlyRaisesDecodingException(@ForAll long seed) {
    Random r = new Random(seed);
    List<byte[]> valid = validUpdates(r);
    Doc target = new Doc(77);
    target.applyUpdate(valid.get(0));
    byte[] before = target.encodeStateAsUpdate();
    byte[] svBefore = target.encodeStateVector();
    byte[] bad = mutate(valid.get(r.nextInt(valid.size())), r);
    long start = System.nanoTime();
    try {
      target.applyUpdate(bad);
    } catch (DecodingException e) {
      assertArrayEquals(before, target.encodeStateAsUpdate(), "document changed by a rejected update");
      assertArrayEquals(svBefore, target.encodeStateVector());
      assertTrue(e.getMessage().contains("at byte"), e.getMessage());
    }
    // whatever was accepted, the document still encodes and re-applies cleanly
    Doc copy = new Doc(78);
    copy.applyUpdate(target.encodeStateAsUpdate());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "took too long");
  }

  @Property
  void updateAlgebra_onlyRaisesDecodingException(@ForAll long seed) {
    Random r = new Random(seed);
    List<byte[]> valid = validUpdates(r);
    byte[] bad = mutate(valid.get(r.nextInt(valid.size())), r);
    byte[] good = valid.get(valid.size() - 1);
    List<Runnable> calls = List.of(
        () -> Updates.mergeUpdates(List.of(good, bad)),
        () -> Updates.diffUpdate(bad, new byte[] {0}),
        () -> Updates.diffUpdate(good, bad),
        () -> Updates.encodeStateVectorFromUpdate(bad),
        () -> Updates.describe(bad),
        () -> Updates.convertUpdateFormatV1ToV2(bad),
        () -> Updates.convertUpdateFormatV2ToV1(bad),
        () -> new Doc(1).applyUpdateV2(bad));
    for (Runnable call : calls) {
      try {
        call.run();
      } catch (DecodingException expected) {
        // the only allowed failure
      }
    }
  }
}
