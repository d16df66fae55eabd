package dev.weft.crdt.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.crdt.testing.ChaoticNetwork;
import dev.weft.crdt.testing.ChaoticNetwork.Chaos;
import dev.weft.crdt.testing.Deliveries;
import dev.weft.crdt.testing.Deliveries.Delivery;
import dev.weft.crdt.testing.Replicas;
import dev.weft.crdt.testing.ScaledTries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Merging updates without a document, in any order and with duplicates, gives what applying them
 * one by one gives; so do the diff of a merged update against any replica's state vector and
 * every adversarial delivery of the same history ({@link Deliveries}).
 */
@PropertyDefaults(edgeCases = EdgeCasesMode.NONE)
class MergeProperties {
  @Provide
  Arbitrary<List<ConvergenceProperties.Round>> rounds() {
    return new ConvergenceProperties().rounds();
  }

  /** The per-transaction updates of a concurrent session among {@code replicas} replicas. */
  static List<byte[]> session(List<ConvergenceProperties.Round> rounds, int replicas, long seed, boolean gc) {
    ChaoticNetwork net = new ChaoticNetwork(seed, replicas, Chaos.hostile(), id -> ConvergenceProperties.newDoc(id, gc));
    ConvergenceProperties.play(net, rounds);
    return new ArrayList<>(net.history());
  }

  static Doc applyAll(List<byte[]> updates) {
    Doc doc = ConvergenceProperties.newDoc(99, true);
    updates.forEach(doc::applyUpdate);
    return doc;
  }

  @Property
  void mergeUpdates_inAnyOrderWithDuplicates_equalsApplyingOneByOne(
      @ForAll("rounds") List<ConvergenceProperties.Round> rounds, @ForAll @IntRange(min = 1, max = 5) int replicas,
      @ForAll long seed, @ForAll boolean gc) {
    List<byte[]> history = session(rounds, replicas, seed, gc);
    Doc oneByOne = applyAll(history);
    Random r = new Random(seed);
    List<byte[]> shuffled = new ArrayList<>(history);
    for (int i = r.nextInt(history.size() + 1); i > 0; i--) {
      shuffled.add(history.get(r.nextInt(history.size())));
    }
    Collections.shuffle(shuffled, r);
    byte[] merged = Updates.mergeUpdates(shuffled);
    Replicas.assertSameState(oneByOne, applyAll(List.of(merged)), "merged " + shuffled.size() + " shuffled updates");
    assertArrayEquals(oneByOne.encodeStateVector(), Updates.encodeStateVectorFromUpdate(merged),
        "encodeStateVectorFromUpdate of the merge");

    // any grouping: merge the halves, then merge the merges
    int cut = r.nextInt(shuffled.size() + 1);
    List<byte[]> halves = new ArrayList<>();
    halves.add(Updates.mergeUpdates(shuffled.subList(0, cut)));
    halves.add(Updates.mergeUpdates(shuffled.subList(cut, shuffled.size())));
    Collections.reverse(halves);
    Replicas.assertSameState(oneByOne, applyAll(List.of(Updates.mergeUpdates(halves))), "merge of merged halves at " + cut);
  }

  @Property
  void diffUpdate_againstAPartialReplica_completesIt(
      @ForAll("rounds") List<ConvergenceProperties.Round> rounds, @ForAll @IntRange(min = 1, max = 4) int replicas,
      @ForAll long seed) {
    List<byte[]> history = session(rounds, replicas, seed, true);
    Doc full = applyAll(history);
    byte[] merged = Updates.mergeUpdates(history);
    Random r = new Random(seed);
    Doc partial = ConvergenceProperties.newDoc(98, true);
    for (byte[] u : history) {
      if (r.nextBoolean()) {
        partial.applyUpdate(u);
      }
    }
    byte[] sv = partial.encodeStateVector();
    byte[] diff = Updates.diffUpdate(merged, sv);
    partial.applyUpdate(diff);
    Replicas.assertSameState(full, partial, "partial replica completed by a diff");
    // the document-free diff claims exactly what the document would send for the same state vector
    assertArrayEquals(Updates.encodeStateVectorFromUpdate(full.encodeStateAsUpdate(sv)),
        Updates.encodeStateVectorFromUpdate(diff), "state vectors of diffUpdate and encodeStateAsUpdate(sv)");
  }

  /** Every adversarial delivery of a history rebuilds the document that in-order delivery builds. */
  @Property
  @ScaledTries(percent = 30)
  void everyAdversarialDelivery_rebuildsTheSameDocument(
      @ForAll("rounds") List<ConvergenceProperties.Round> rounds, @ForAll @IntRange(min = 1, max = 4) int replicas,
      @ForAll long seed) {
    List<byte[]> history = session(rounds, replicas, seed, true);
    Doc expected = applyAll(history);
    for (Delivery delivery : Deliveries.all(seed)) {
      Replicas.assertSameState(expected, applyAll(delivery.schedule(history)), "delivery: " + delivery.name());
    }
  }
}
