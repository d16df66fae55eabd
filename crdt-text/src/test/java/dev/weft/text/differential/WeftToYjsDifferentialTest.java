package dev.weft.text.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.text.differential.Checks.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Weft edits, Yjs follows. For each seed, 2 to 6 Weft documents (client ids small and past 2^32)
 * make the edits of {@link WeftEdits} with partial syncs between them; their per-transaction
 * updates, with updates Weft merged or diffed (v1 and v2) and updates Yjs merged, reach a real Yjs
 * document shuffled and partly duplicated. Then:
 * <ul>
 *   <li>Yjs' content (JSON of every root, the text's delta) and state vector equal Weft's;
 *   <li>a Weft document applying the very same delivery order has the same content as Yjs and
 *       encodes the same v1 and v2 bytes;
 *   <li>Yjs loading Weft's full state has the same content, and encodes the same v1 and v2 bytes
 *       as a Weft document loading it;
 *   <li>Yjs' mergeUpdates of Weft's updates is byte-equal to Weft's, and Weft applies it.
 * </ul>
 */
class WeftToYjsDifferentialTest {
  private static final int SCENARIOS = 300;
  private static NodeDriver yjs;
  private final Checks checks = new Checks();
  /** The delivery order of the last scenario run (for {@link DivergenceMinimizer}). */
  List<Versioned> lastOrder;

  @BeforeAll
  static void startNode() throws Exception {
    String why = NodeDriver.unavailableReason();
    assumeTrue(why == null, () -> "skipped: " + why);
    yjs = NodeDriver.start();
  }

  static NodeDriver driver() {
    return yjs;
  }

  @AfterAll
  static void stopNode() {
    if (yjs != null) {
      yjs.close();
    }
  }

  @Test
  void yjsReadsWhatWeftWrites() {
    long start = System.nanoTime();
    int n = Seeds.run("WeftToYjsDifferentialTest", SCENARIOS, this::scenario);
    System.out.printf("[differential] Weft -> Yjs: %d scenarios in %d ms; full-state bytes equal %d times, "
        + "set aside %s in scenarios %s%n", n, (System.nanoTime() - start) / 1_000_000,
        checks.bytesEqual.get(), checks.setAside, checks.setAsideSeeds);
  }

  void scenario(long seed) {
    checks.seed = seed;
    Random random = new Random(seed);
    List<Long> clients = Checks.clientIds(random, 2 + random.nextInt(5));
    int steps = 10 + random.nextInt(40);
    List<Doc> docs = new ArrayList<>();
    List<byte[]> updates = new ArrayList<>();
    List<Versioned> extras = new ArrayList<>();
    List<byte[]> svs = new ArrayList<>();
    for (long id : clients) {
      Doc d = new Doc(id);
      State.declareRoots(d);
      d.onUpdate((u, origin, txn) -> {
        if (origin == null) {
          updates.add(u);
        }
      });
      docs.add(d);
    }
    WeftEdits edits = new WeftEdits(random);
    for (int step = 0; step < steps; step++) {
      if (random.nextInt(10) < 2) {
        Doc a = docs.get(random.nextInt(docs.size()));
        Doc b = docs.get(random.nextInt(docs.size()));
        if (a != b) {
          byte[] u = a.encodeStateAsUpdate(b.encodeStateVector());
          b.applyUpdate(u, "sync");
          if (random.nextInt(4) == 0) {
            extras.add(new Versioned(1, u));
          }
        }
      } else {
        edits.edit(docs.get(random.nextInt(docs.size())));
      }
      if (random.nextInt(10) == 0) {
        svs.add(docs.get(random.nextInt(docs.size())).encodeStateVector());
      }
    }
    boolean formattingAndDeletes = edits.formats > 0 && edits.deletes > 0;
    if (updates.isEmpty()) {
      return;
    }
    Doc reference = State.receiver();
    updates.forEach(reference::applyUpdate);
    State expect = State.of(reference);
    for (Doc a : docs) {
      for (Doc b : docs) {
        if (a != b) {
          b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()), "sync");
        }
      }
    }
    Checks.sameJson("Weft replicas after a full exchange", expect, State.of(docs.get(0)), formattingAndDeletes);

    byte[] all = Updates.mergeUpdates(updates);
    List<byte[]> subset = new ArrayList<>();
    updates.forEach(u -> {
      if (random.nextBoolean()) {
        subset.add(u);
      }
    });
    extras.add(new Versioned(1, Updates.mergeUpdates(subset)));
    for (byte[] sv : svs.subList(0, Math.min(2, svs.size()))) {
      extras.add(new Versioned(1, Updates.diffUpdate(all, sv)));
      extras.add(new Versioned(2, Updates.diffUpdateV2(Updates.convertUpdateFormatV1ToV2(all), sv)));
    }
    List<byte[]> subsetV2 = new ArrayList<>();
    subset.forEach(u -> subsetV2.add(Updates.convertUpdateFormatV1ToV2(u)));
    extras.add(new Versioned(2, Updates.mergeUpdatesV2(subsetV2)));
    byte[] yjsMerged = NodeDriver.unb64(yjs.call("merge", "updates", b64s(updates), "v", 1).get("u"));
    assertEquals(Updates.describe(yjsMerged), Updates.describe(all), "Weft's mergeUpdates of its updates (Yjs' merge expected)");
    assertEquals(State.hex(yjsMerged), State.hex(all), "Weft's mergeUpdates bytes (Yjs' merge expected)");
    extras.add(new Versioned(1, yjsMerged));

    List<Versioned> delivery = new ArrayList<>();
    updates.forEach(u -> delivery.add(new Versioned(1, u)));
    delivery.addAll(extras);
    List<Versioned> order = Checks.shuffledWithDuplicates(delivery, random);
    lastOrder = order;
    State yjsState = State.of(yjs.call("apply", "updates", Checks.json(order)));
    Checks.sameJson("Yjs after the shuffled delivery", expect, yjsState, formattingAndDeletes);

    Doc sameOrder = State.receiver();
    Checks.applyAll(sameOrder, order);
    State weftSameOrder = State.of(sameOrder);
    Checks.sameFormatting("Weft after the same delivery", yjsState, weftSameOrder, formattingAndDeletes);
    checks.sameBytes("Weft after the same delivery", yjsState, weftSameOrder, formattingAndDeletes);

    // Loading a full state is a remote transaction: both run formatting cleanup on it.
    State reloaded = State.of(yjs.call("apply", "updates", List.of(new Versioned(1, expect.v1()).json())));
    Doc weftReloaded = State.receiver();
    weftReloaded.applyUpdate(expect.v1());
    Checks.sameJson("Yjs loading Weft's state", expect, reloaded, formattingAndDeletes);
    Checks.sameFormatting("Weft and Yjs loading Weft's state", reloaded, State.of(weftReloaded), formattingAndDeletes);
    checks.sameBytes("Weft and Yjs loading Weft's state", reloaded, State.of(weftReloaded), formattingAndDeletes);
  }

  private static List<String> b64s(List<byte[]> updates) {
    List<String> out = new ArrayList<>();
    updates.forEach(u -> out.add(NodeDriver.b64(u)));
    return out;
  }
}
