package dev.weft.text.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.text.differential.Checks.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Yjs edits, Weft follows. For each seed, 2 to 6 real Yjs documents (client ids small and past
 * 2^32) edit text, maps, arrays, nested types and XML with partial syncs between them; their
 * per-transaction updates, with updates Yjs merged or diffed (v1 and v2) and updates Weft merged or
 * diffed, reach a Weft document shuffled and partly duplicated. Then:
 * <ul>
 *   <li>Weft's content (JSON of every root, the text's delta) and state vector equal Yjs';
 *   <li>Weft's full state (v1, and v2) loaded into a fresh Yjs document gives the same content and
 *       state vector, and the same v1 and v2 bytes as a fresh Weft document loading it;
 *   <li>Yjs applying the very same delivery order encodes the same v1 and v2 bytes as Weft;
 *   <li>Weft's mergeUpdates and diffUpdate (v1, v2) give Yjs' bytes, and Yjs applies them to the
 *       same result.
 * </ul>
 */
class YjsToWeftDifferentialTest {
  private static final int SCENARIOS = 300;
  private static NodeDriver yjs;
  private final Checks checks = new Checks();

  @BeforeAll
  static void startNode() throws Exception {
    String why = NodeDriver.unavailableReason();
    assumeTrue(why == null, () -> "skipped: " + why);
    yjs = NodeDriver.start();
  }

  @AfterAll
  static void stopNode() {
    if (yjs != null) {
      yjs.close();
    }
  }

  @Test
  void weftReadsWhatYjsWrites() {
    long start = System.nanoTime();
    int n = Seeds.run("YjsToWeftDifferentialTest", SCENARIOS, this::scenario);
    System.out.printf("[differential] Yjs -> Weft: %d scenarios in %d ms; full-state bytes equal %d times, "
        + "set aside %s in scenarios %s%n", n, (System.nanoTime() - start) / 1_000_000,
        checks.bytesEqual.get(), checks.setAside, checks.setAsideSeeds);
  }

  @SuppressWarnings("unchecked")
  private void scenario(long seed) {
    checks.seed = seed;
    Random random = new Random(seed);
    List<Long> clients = Checks.clientIds(random, 2 + random.nextInt(5));
    int steps = 10 + random.nextInt(40);
    Map<String, Object> s = yjs.call("scenario", "seed", random.nextInt(Integer.MAX_VALUE), "clients", clients,
        "steps", steps);
    List<byte[]> updates = new ArrayList<>();
    ((List<Object>) s.get("updates")).forEach(u -> updates.add(NodeDriver.unb64(u)));
    State expect = State.of((Map<String, Object>) s.get("expect"));
    boolean formattingAndDeletes = ((Number) s.get("formats")).intValue() > 0 && ((Number) s.get("deletes")).intValue() > 0;

    List<Versioned> delivery = new ArrayList<>();
    updates.forEach(u -> delivery.add(new Versioned(1, u)));
    ((List<Object>) s.get("extras")).forEach(e -> delivery.add(Versioned.of((Map<String, Object>) e)));
    if (!updates.isEmpty()) {
      delivery.addAll(crossChecks(updates, random, expect, formattingAndDeletes));
    }
    List<Versioned> order = Checks.shuffledWithDuplicates(delivery, random);

    Doc weft = State.receiver();
    Checks.applyAll(weft, order);
    State got = State.of(weft);
    Checks.sameJson("Weft after the shuffled delivery", expect, got, formattingAndDeletes);

    // Loading a full state is a remote transaction: both run formatting cleanup on it.
    State reloaded = State.of(yjs.call("apply", "updates", List.of(new Versioned(1, got.v1()).json())));
    Doc weftReloaded = State.receiver();
    weftReloaded.applyUpdate(got.v1());
    Checks.sameJson("Yjs loading Weft's v1 state", got, reloaded, formattingAndDeletes);
    Checks.sameFormatting("Weft and Yjs loading Weft's v1 state", reloaded, State.of(weftReloaded), formattingAndDeletes);
    checks.sameBytes("Weft and Yjs loading Weft's v1 state", reloaded, State.of(weftReloaded), formattingAndDeletes);
    Checks.sameJson("Yjs loading Weft's v2 state",
        got, State.of(yjs.call("apply", "updates", List.of(new Versioned(2, got.v2()).json()))), formattingAndDeletes);

    State sameOrder = State.of(yjs.call("apply", "updates", Checks.json(order)));
    Checks.sameFormatting("Yjs after the same delivery", sameOrder, got, formattingAndDeletes);
    checks.sameBytes("Yjs after the same delivery", sameOrder, got, formattingAndDeletes);
  }

  /**
   * Weft's merges and diffs of Yjs updates: byte-equal to Yjs' own, applied by Yjs to the full
   * state; answers them so that Weft receives them too.
   */
  private List<Versioned> crossChecks(List<byte[]> updates, Random random, State expect, boolean formattingAndDeletes) {
    int k = 1 + random.nextInt(updates.size());
    List<byte[]> prefix = updates.subList(0, k);
    byte[] all = Updates.mergeUpdates(updates);
    byte[] merged = Updates.mergeUpdates(prefix);
    byte[] sv = Updates.encodeStateVectorFromUpdate(merged);
    byte[] diff = Updates.diffUpdate(all, sv);
    assertEquals(State.hex(NodeDriver.unb64(yjs.call("merge", "updates", b64s(prefix), "v", 1).get("u"))),
        State.hex(merged), "mergeUpdates v1 bytes");
    assertEquals(State.hex(NodeDriver.unb64(yjs.call("svFromUpdate", "update", NodeDriver.b64(merged), "v", 1).get("sv"))),
        State.hex(sv), "encodeStateVectorFromUpdate");
    assertEquals(State.hex(NodeDriver.unb64(yjs.call("diff", "update", NodeDriver.b64(all), "sv", NodeDriver.b64(sv), "v", 1).get("u"))),
        State.hex(diff), "diffUpdate v1 bytes");
    List<byte[]> prefixV2 = new ArrayList<>();
    prefix.forEach(u -> prefixV2.add(Updates.convertUpdateFormatV1ToV2(u)));
    byte[] mergedV2 = Updates.mergeUpdatesV2(prefixV2);
    byte[] diffV2 = Updates.diffUpdateV2(Updates.convertUpdateFormatV1ToV2(all), sv);
    assertEquals(State.hex(NodeDriver.unb64(yjs.call("merge", "updates", b64s(prefixV2), "v", 2).get("u"))),
        State.hex(mergedV2), "mergeUpdatesV2 bytes");
    assertEquals(State.hex(NodeDriver.unb64(yjs.call("diff", "update", NodeDriver.b64(Updates.convertUpdateFormatV1ToV2(all)),
        "sv", NodeDriver.b64(sv), "v", 2).get("u"))), State.hex(diffV2), "diffUpdateV2 bytes");
    List<Versioned> combined = List.of(new Versioned(1, diff), new Versioned(2, mergedV2));
    Doc weft = State.receiver();
    Checks.applyAll(weft, combined);
    State weftCombined = State.of(weft);
    State yjsCombined = State.of(yjs.call("apply", "updates", Checks.json(combined)));
    Checks.sameFormatting("Yjs and Weft applying Weft's diff then merge", yjsCombined, weftCombined, formattingAndDeletes);
    Checks.sameJson("Yjs applying Weft's diff then merge", expect, yjsCombined, formattingAndDeletes);
    return List.of(new Versioned(1, merged), new Versioned(1, diff), new Versioned(2, mergedV2), new Versioned(2, diffV2));
  }

  private static List<String> b64s(List<byte[]> updates) {
    List<String> out = new ArrayList<>();
    updates.forEach(u -> out.add(NodeDriver.b64(u)));
    return out;
  }
}
