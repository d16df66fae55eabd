package dev.weft.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.crdt.Doc;
import dev.weft.crdt.UndoManager;
import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.TypeRegistry;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.constraints.IntRange;

/**
 * Remembered positions in text stay true where text puts items after deleted ones and between
 * format items: typing, deleting and formatting at random places, with remote edits and undo in
 * between. After every step each marker counts the visible units before its item correctly and
 * the text equals a plain string edited the same way.
 */
@PropertyDefaults(tries = 30, edgeCases = EdgeCasesMode.NONE)
class TextMarkersProperties {

  @Property
  void markersStayTrue(@ForAll long seed, @ForAll @IntRange(min = 50, max = 400) int steps, @ForAll boolean formatted) {
    Random random = new Random(seed);
    Doc doc = new Doc(1);
    Doc peer = new Doc(2);
    YText text = YText.of(doc, "t");
    YText peerText = YText.of(peer, "t");
    UndoManager undo = UndoManager.builder(text).captureTimeout(0).build();
    StringBuilder model = new StringBuilder();
    for (int step = 0; step < steps; step++) {
      int op = random.nextInt(12);
      if (op < 6 || model.length() == 0) {
        int at = random.nextInt(model.length() + 1);
        String s = "abcdefghij".substring(0, 1 + random.nextInt(10));
        text.insert(at, s);
        model.insert(at, s);
      } else if (op < 9) {
        // deleting, then often typing at the same place (an editor's replace)
        int at = random.nextInt(model.length());
        int length = 1 + random.nextInt(Math.min(12, model.length() - at));
        text.delete(at, length);
        model.delete(at, at + length);
        if (random.nextBoolean()) {
          text.insert(at, "r");
          model.insert(at, "r");
        }
      } else if (op < 10) {
        if (formatted) {
          int at = random.nextInt(model.length());
          text.format(at, 1 + random.nextInt(Math.min(8, model.length() - at)),
              Map.of("bold", random.nextBoolean() ? Boolean.TRUE : "x"));
        }
      } else if (op < 11) {
        peer.applyUpdate(doc.encodeStateAsUpdate(peer.encodeStateVector()));
        peerText.insert(random.nextInt(peerText.length() + 1), "P");
        doc.applyUpdate(peer.encodeStateAsUpdate(doc.encodeStateVector()));
        model = new StringBuilder(text.toString());
      } else {
        undo.undo();
        model = new StringBuilder(text.toString());
      }
      assertEquals(model.toString(), text.toString(), "after step " + step);
      assertNull(branch(text).verifyMarkers(), "after step " + step);
    }
  }

  /**
   * Text puts new content after the deleted items at the gap, so a marker on such an item keeps
   * its count (an array would put the content before it).
   */
  @Example
  void markerOnADeletedItemAtTheGap_keepsItsCount() {
    Doc doc = new Doc(1);
    YText text = YText.of(doc, "t");
    text.insert(0, "abc");
    text.delete(1, 1);
    Branch b = branch(text);
    Item deleted = b.start.right;
    assertEquals(true, deleted.deleted());
    b.setMarker(deleted, 1);
    text.insert(1, "X");
    assertEquals("aXc", text.toString());
    assertEquals(deleted, b.start.right, "the new item went after the deleted one");
    assertNull(b.verifyMarkers());
  }

  private static Branch branch(YText text) {
    return TypeRegistry.branchOf(text);
  }
}
