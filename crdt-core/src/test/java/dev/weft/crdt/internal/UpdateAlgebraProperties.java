package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YMap;
import dev.weft.crdt.encoding.Decoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Laws of the update algebra on updates from random editing sessions of three replicas: merge
 * ignores duplicates and order (as far as the state vector goes), the diff against the empty state
 * vector keeps every struct, and the state vector derived from bytes matches the structs.
 */
class UpdateAlgebraProperties {
  /** The updates a seeded session emits: small edits by three replicas that sync now and then. */
  static List<byte[]> session(long seed) {
    Random r = new Random(seed);
    List<byte[]> updates = new ArrayList<>();
    Doc[] docs = {new Doc(1), new Doc(2), new Doc(300)};
    for (Doc d : docs) {
      d.onUpdate((u, o, t) -> updates.add(u));
    }
    for (int i = 0; i < 25; i++) {
      Doc d = docs[r.nextInt(docs.length)];
      YArray list = d.getArray("list");
      YMap map = d.getMap("map");
      switch (r.nextInt(5)) {
        case 0, 1 -> list.insert(r.nextInt(list.length() + 1), r.nextInt(100), "v" + r.nextInt(9));
        case 2 -> {
          if (list.length() > 0) {
            int at = r.nextInt(list.length());
            list.delete(at, 1 + r.nextInt(Math.min(3, list.length() - at)));
          }
        }
        case 3 -> map.set("k" + r.nextInt(4), r.nextInt(10));
        default -> {
          YMap nested = new YMap();
          nested.set("n", r.nextInt(10));
          map.set("nested", nested);
        }
      }
      if (r.nextInt(4) == 0) {
        Doc a = docs[r.nextInt(docs.length)];
        Doc b = docs[r.nextInt(docs.length)];
        b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()));
      }
    }
    return updates;
  }

  static List<Struct> structs(byte[] update) {
    List<Struct> out = new ArrayList<>();
    StructReader reader = new StructReader(new UpdateDecoderV1(new Decoder(update)), false);
    for (Struct s = reader.curr; s != null; s = reader.next()) {
      out.add(s);
    }
    return out;
  }

  static List<String> described(byte[] update) {
    List<String> out = new ArrayList<>();
    for (Struct s : structs(update)) {
      out.add(s instanceof Item item
          ? item + " " + item.content.values() + " " + item.parentRootName() + " " + item.parentId()
          : s.toString());
    }
    return out;
  }

  @Property(tries = 200)
  void mergeV1_isIdempotentOnDuplicates(@ForAll long seed) {
    List<byte[]> updates = session(seed);
    if (updates.size() < 2) {
      return;
    }
    byte[] once = UpdateMerger.mergeV1(updates);
    List<byte[]> twice = new ArrayList<>(updates);
    twice.addAll(updates);
    assertArrayEquals(once, UpdateMerger.mergeV1(twice));
    // Not byte-equal: an item with an origin is read without its key, so re-writing it clears
    // the key bit of its info byte (Yjs does the same). The structs are the same.
    assertEquals(described(once), described(UpdateMerger.mergeV1(List.of(once, once))));
  }

  @Property(tries = 200)
  void mergeV1_inAnyOrder_givesTheSameStateVector(@ForAll long seed) {
    List<byte[]> updates = session(seed);
    if (updates.size() < 2) {
      return;
    }
    byte[] expected = UpdateDiffer.stateVectorFromUpdateV1(UpdateMerger.mergeV1(updates));
    List<byte[]> shuffled = new ArrayList<>(updates);
    Collections.shuffle(shuffled, new Random(seed));
    assertArrayEquals(expected, UpdateDiffer.stateVectorFromUpdateV1(UpdateMerger.mergeV1(shuffled)));
    // merging the halves first gives the same state vector too
    int cut = shuffled.size() / 2;
    byte[] halves = UpdateMerger.mergeV1(List.of(
        UpdateMerger.mergeV1(List.copyOf(shuffled.subList(0, Math.max(cut, 2)))),
        UpdateMerger.mergeV1(List.copyOf(shuffled.subList(Math.min(cut, shuffled.size() - 2), shuffled.size())))));
    assertArrayEquals(expected, UpdateDiffer.stateVectorFromUpdateV1(halves));
  }

  @Property(tries = 200)
  void diffV1_againstEmptyStateVector_keepsEveryStruct(@ForAll long seed) {
    List<byte[]> updates = session(seed);
    for (byte[] u : List.of(UpdateMerger.mergeV1(updates), updates.get(updates.size() - 1))) {
      byte[] diff = UpdateDiffer.diffV1(u, Map.of());
      List<String> expected = new ArrayList<>(described(u));
      expected.removeIf(line -> line.startsWith("Skip("));
      assertEquals(expected, described(diff));
    }
  }

  @Property(tries = 200)
  void stateVectorFromUpdateV1_agreesWithTheStructs(@ForAll long seed) {
    List<byte[]> updates = session(seed);
    Random r = new Random(seed);
    byte[] u = UpdateMerger.mergeV1(List.of(updates.get(r.nextInt(updates.size())),
        updates.get(r.nextInt(updates.size())), updates.get(r.nextInt(updates.size()))));
    // expected: per client, the end of the gap-free run that starts at clock 0
    TreeMap<Long, Long> expected = new TreeMap<>();
    TreeMap<Long, Boolean> stopped = new TreeMap<>();
    for (Struct s : structs(u)) {
      long end = expected.getOrDefault(s.client, 0L);
      if (!stopped.getOrDefault(s.client, false) && s.clock == end && !(s instanceof SkipStruct)) {
        expected.put(s.client, s.end());
      } else {
        stopped.put(s.client, true);
      }
    }
    expected.values().removeIf(v -> v == 0L);
    assertEquals(expected, StateVectors.decode(UpdateDiffer.stateVectorFromUpdateV1(u)));
    // and a diff against that state vector leaves only what lies beyond the runs
    for (Struct s : structs(UpdateDiffer.diffV1(u, expected))) {
      assertEquals(true, s.end() > expected.getOrDefault(s.client, 0L), s.toString());
    }
  }
}
