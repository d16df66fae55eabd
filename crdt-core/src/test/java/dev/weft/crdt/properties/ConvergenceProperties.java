package dev.weft.crdt.properties;

import dev.weft.crdt.Doc;
import dev.weft.crdt.testing.ChaoticNetwork;
import dev.weft.crdt.testing.ChaoticNetwork.Chaos;
import dev.weft.crdt.testing.DocEdits;
import dev.weft.crdt.testing.DocEdits.Edit;
import dev.weft.crdt.testing.Replicas;
import dev.weft.crdt.testing.ScaledTries;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;

/**
 * Replicas that make random concurrent edits on a hostile network (loss, delay, reordering,
 * duplicates, partitions that heal, reconnects that resync by state vector) end identical once
 * the network heals: the same content, the same state vector, and byte for byte the same full
 * state. The edits are jqwik data and the network's seed a jqwik parameter, so a failure
 * prints both, shrinks, and replays.
 */
@PropertyDefaults(edgeCases = EdgeCasesMode.NONE)
class ConvergenceProperties {
  /** One round: a replica makes one transaction, then the network runs a few steps. */
  record Round(int replica, List<Edit> transaction, int networkSteps) {}

  @Provide
  Arbitrary<List<Round>> rounds() {
    return Combinators.combine(Arbitraries.integers().between(0, 7), DocEdits.transactions(),
        Arbitraries.integers().between(0, 3)).as(Round::new).list().ofMinSize(1).ofMaxSize(100)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  @Property
  void replicas_convergeOnAChaoticNetwork(@ForAll("rounds") List<Round> rounds,
      @ForAll @IntRange(min = 2, max = 8) int replicas, @ForAll long networkSeed, @ForAll boolean gc) {
    ChaoticNetwork net = new ChaoticNetwork(networkSeed, replicas, Chaos.hostile(), id -> newDoc(id, gc));
    play(net, rounds);
    net.healAndSync();
    Replicas.assertConverged(net.replicas(), net.toString());
  }

  /** Without loss no resync is needed: delivery of every update, in any order, is enough. */
  @Property
  @ScaledTries(percent = 40)
  void replicas_convergeFromReorderedDuplicatedUpdatesAlone(@ForAll("rounds") List<Round> rounds,
      @ForAll @IntRange(min = 2, max = 5) int replicas, @ForAll long networkSeed) {
    ChaoticNetwork net = new ChaoticNetwork(networkSeed, replicas, Chaos.reorderOnly(), id -> newDoc(id, true));
    play(net, rounds);
    net.run(50); // longer than the largest delay: everything in flight arrives
    Replicas.assertConverged(net.replicas(), net.toString());
  }

  /** Many replicas and long sessions: fewer tries, each much larger. */
  @Property
  @ScaledTries(percent = 5)
  void eightReplicas_convergeAfterLongSessions(@ForAll long seed) {
    ChaoticNetwork net = new ChaoticNetwork(seed, 8, Chaos.hostile(), id -> newDoc(id, seed % 2 == 0));
    java.util.Random r = net.random();
    for (int i = 0; i < 400; i++) {
      Edit e = new Edit(r.nextInt(8), r.nextInt(12), r.nextInt(1000), r.nextInt(5), r.nextInt(1000));
      DocEdits.apply(net.replica(r.nextInt(8)), e);
      net.run(r.nextInt(3));
    }
    net.healAndSync();
    Replicas.assertConverged(net.replicas(), net.toString());
  }

  static void play(ChaoticNetwork net, List<Round> rounds) {
    for (Round round : rounds) {
      DocEdits.apply(net.replica(round.replica() % net.size()), round.transaction());
      net.run(round.networkSteps());
    }
  }

  static Doc newDoc(long clientId, boolean gc) {
    Doc doc = new Doc(clientId);
    doc.setGc(gc);
    DocEdits.declareRoots(doc);
    return doc;
  }
}
