package dev.weft.crdt.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Merging updates without a document, in any order and with duplicates, gives what applying them
 * one by one gives; so do the diff of a merged update against any state vector and the state
 * vector derived from bytes alone.
 */
class MergeProperties {
  @Property
  void mergeInAnyOrderEqualsApplyingOneByOne(@ForAll long seed) {
    Random r = new Random(seed);
    List<byte[]> updates = new ArrayList<>();
    Doc a = new Doc(1);
    Doc b = new Doc(2);
    a.onUpdate((u, o, t) -> updates.add(u));
    b.onUpdate((u, o, t) -> updates.add(u));
    for (int i = 0; i < 30; i++) {
      Doc d = r.nextBoolean() ? a : b;
      ConvergenceProperties.RandomEdits.apply(d, r);
      if (r.nextInt(5) == 0) {
        a.applyUpdate(b.encodeStateAsUpdate(a.encodeStateVector()), "sync");
        b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()), "sync");
      }
    }
    Doc oneByOne = new Doc(9);
    for (byte[] u : updates) {
      oneByOne.applyUpdate(u);
    }
    List<byte[]> shuffled = new ArrayList<>(updates);
    for (int i = r.nextInt(4); i > 0 && !updates.isEmpty(); i--) {
      shuffled.add(updates.get(r.nextInt(updates.size())));
    }
    Collections.shuffle(shuffled, r);
    byte[] merged = Updates.mergeUpdates(shuffled);
    Doc fromMerge = new Doc(9);
    fromMerge.applyUpdate(merged);
    assertEquals(oneByOne.getArray("list").toJson(), fromMerge.getArray("list").toJson());
    assertEquals(oneByOne.getMap("map").toJson(), fromMerge.getMap("map").toJson());
    assertArrayEquals(oneByOne.encodeStateAsUpdate(), fromMerge.encodeStateAsUpdate());
    assertArrayEquals(oneByOne.encodeStateVector(), Updates.encodeStateVectorFromUpdate(
        Updates.mergeUpdates(List.of(oneByOne.encodeStateAsUpdate()))));

    // shuffled pieces merged in a different grouping give the same document
    List<byte[]> halves = new ArrayList<>();
    int cut = shuffled.size() / 2;
    halves.add(Updates.mergeUpdates(shuffled.subList(0, Math.max(1, cut))));
    halves.add(Updates.mergeUpdates(shuffled.subList(Math.max(1, cut) - (cut == 0 ? 1 : 0), shuffled.size())));
    Doc fromHalves = new Doc(9);
    fromHalves.applyUpdate(Updates.mergeUpdates(halves));
    assertArrayEquals(oneByOne.encodeStateAsUpdate(), fromHalves.encodeStateAsUpdate());

    // the diff against a partial replica's state vector completes it
    Doc partial = new Doc(9);
    for (int i = 0; i < updates.size() / 2; i++) {
      partial.applyUpdate(updates.get(i));
    }
    partial.applyUpdate(Updates.diffUpdate(merged, partial.encodeStateVector()));
    assertArrayEquals(oneByOne.encodeStateAsUpdate(), partial.encodeStateAsUpdate());
  }
}
