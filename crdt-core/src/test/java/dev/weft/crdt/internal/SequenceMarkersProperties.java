package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import dev.weft.crdt.UndoManager;
import dev.weft.crdt.YArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.constraints.IntRange;

/**
 * Remembered positions stay true through local edits at random places, remote updates, undo and
 * the merging of items at the end of transactions: after every step, each marker's index is the
 * number of visible units before its item, and every element reads back as in a plain list.
 * Sequences grow to a few thousand elements so that many markers are in use at once.
 */
@PropertyDefaults(tries = 30, edgeCases = EdgeCasesMode.NONE)
class SequenceMarkersProperties {

  @Property
  void markersCountTheUnitsBeforeTheirItems(@ForAll long seed, @ForAll @IntRange(min = 50, max = 400) int steps,
      @ForAll boolean gc) {
    Random random = new Random(seed);
    Doc doc = new Doc(1);
    doc.setGc(gc);
    Doc peer = new Doc(2);
    YArray array = doc.getArray("a");
    YArray peerArray = peer.getArray("a");
    UndoManager undo = UndoManager.builder(array).captureTimeout(0).build();
    List<Object> model = new ArrayList<>();
    int next = 0;
    for (int step = 0; step < steps; step++) {
      int op = random.nextInt(10);
      if (op < 5 || model.isEmpty()) {
        int at = random.nextInt(model.size() + 1);
        List<Object> values = new ArrayList<>();
        for (int k = random.nextInt(20) + 1; k > 0; k--) {
          values.add(next++);
        }
        array.insert(at, values);
        model.addAll(at, values);
      } else if (op < 8) {
        int at = random.nextInt(model.size());
        int length = 1 + random.nextInt(Math.min(15, model.size() - at));
        array.delete(at, length);
        model.subList(at, at + length).clear();
      } else if (op < 9) {
        // a concurrent edit arrives from a peer that had seen everything
        peer.applyUpdate(doc.encodeStateAsUpdate(peer.encodeStateVector()));
        int at = random.nextInt(peerArray.length() + 1);
        peerArray.insert(at, List.of("p" + next++));
        doc.applyUpdate(peer.encodeStateAsUpdate(doc.encodeStateVector()));
        model = new ArrayList<>(array.toList());
      } else {
        undo.undo();
        model = new ArrayList<>(array.toList());
      }
      // reads go through the markers too, at random places
      for (int r = 0; r < 5 && !model.isEmpty(); r++) {
        int at = random.nextInt(model.size());
        assertEquals(model.get(at), array.get(at), "get(" + at + ") after step " + step);
      }
      assertMarkersTrue(TypeRegistry.branchOf(array), "after step " + step);
    }
    assertEquals(model, array.toList());
  }

  private static void assertMarkersTrue(Branch branch, String when) {
    assertEquals(null, branch.verifyMarkers(), when);
  }
}
