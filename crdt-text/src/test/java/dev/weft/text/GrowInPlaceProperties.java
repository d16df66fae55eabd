package dev.weft.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Doc;
import dev.weft.crdt.UndoManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.constraints.IntRange;

/**
 * Plain typing that continues the client's newest item grows that item in place instead of making
 * a new item for the end of the transaction to merge into it. The general insert path (text with
 * attributes, here an empty map) always makes the item, so it is the reference: the same edits
 * through both paths must give the same update per transaction, the same observer events, the same
 * document state and the same undo.
 */
@PropertyDefaults(tries = 60, edgeCases = EdgeCasesMode.NONE)
class GrowInPlaceProperties {
  /** Typing material: ASCII, Latin-1, a surrogate pair, and both lone halves. */
  private static final String[] UNITS = {"a", "b", " ", "é", "\uD83D\uDE00", "\uD83D", "\uDE00", "ab", "x\uD83D"};

  /** One replica edited through one insert path, with what it emitted. */
  private static final class Replica {
    final Doc doc = new Doc(1);
    final YText text = YText.of(doc, "t");
    final boolean general;
    final List<byte[]> updates = new ArrayList<>();
    final List<List<Delta>> events = new ArrayList<>();
    final UndoManager undo;

    Replica(boolean general, boolean observed, boolean withUndo) {
      this.general = general;
      doc.onUpdate((u, origin, t) -> updates.add(u));
      if (observed) {
        text.observe(e -> events.add(e.delta()));
      }
      undo = withUndo ? UndoManager.builder(text).captureTimeout(0).build() : null;
    }

    void insert(int at, String s) {
      if (general) {
        text.insert(at, s, Map.of());
      } else {
        text.insert(at, s);
      }
    }
  }

  @Property
  void growingAnItemEqualsMergingANewOne(@ForAll long seed, @ForAll @IntRange(min = 20, max = 300) int steps,
      @ForAll boolean observed, @ForAll boolean withUndo) {
    Random random = new Random(seed);
    Replica grown = new Replica(false, observed, withUndo);
    Replica reference = new Replica(true, observed, withUndo);
    Doc peer = new Doc(2);
    int cursor = 0;
    for (int step = 0; step < steps; step++) {
      int op = random.nextInt(20);
      int length = grown.text.length();
      if (op < 12) {
        // typing at the cursor, sometimes twice in one transaction
        int at = Math.min(cursor, length);
        String s = UNITS[random.nextInt(UNITS.length)];
        String more = random.nextInt(4) == 0 ? UNITS[random.nextInt(UNITS.length)] : "";
        for (Replica r : List.of(grown, reference)) {
          r.doc.transact(t -> {
            r.insert(at, s);
            if (!more.isEmpty()) {
              r.insert(at + s.length(), more);
            }
          });
        }
        cursor = at + s.length() + more.length();
      } else if (op < 15 && length > 0) {
        // backspace, or typing then deleting inside one transaction
        int at = Math.max(0, Math.min(cursor, length) - 1);
        boolean typeFirst = random.nextBoolean();
        for (Replica r : List.of(grown, reference)) {
          r.doc.transact(t -> {
            if (typeFirst) {
              r.insert(at, "q");
            }
            r.text.delete(at, 1);
          });
        }
        cursor = at;
      } else if (op < 17) {
        cursor = random.nextInt(length + 1); // the user clicks elsewhere
      } else if (op < 18) {
        // a remote edit between keystrokes
        peer.applyUpdate(grown.doc.encodeStateAsUpdate(peer.encodeStateVector()));
        YText.of(peer, "t").insert(random.nextInt(YText.of(peer, "t").length() + 1), "P");
        byte[] update = peer.encodeStateAsUpdate(grown.doc.encodeStateVector());
        grown.doc.applyUpdate(update);
        reference.doc.applyUpdate(update);
      } else if (op < 19 && withUndo) {
        grown.undo.undo();
        reference.undo.undo();
      } else {
        // an observer that arrives in the middle of a transaction sees the whole transaction
        int at = Math.min(cursor, length);
        List<List<Delta>> late = new ArrayList<>();
        for (Replica r : List.of(grown, reference)) {
          List<Delta> seen = new ArrayList<>();
          r.doc.transact(t -> {
            r.insert(at, "z");
            r.text.observe(e -> seen.addAll(e.delta()));
          });
          late.add(seen);
        }
        assertEquals(late.get(1), late.get(0), "late observer, step " + step);
        cursor = at + 1;
      }
      assertEquals(reference.text.toString(), grown.text.toString(), "text after step " + step);
      assertEquals(reference.updates.size(), grown.updates.size(), "updates after step " + step);
      for (int i = 0; i < grown.updates.size(); i++) {
        assertArrayEquals(reference.updates.get(i), grown.updates.get(i), "update " + i + " after step " + step);
      }
      assertEquals(reference.events, grown.events, "events after step " + step);
    }
    assertArrayEquals(reference.doc.encodeStateAsUpdate(), grown.doc.encodeStateAsUpdate());
    if (withUndo) {
      while (reference.undo.canUndo()) {
        reference.undo.undo();
        grown.undo.undo();
        assertEquals(reference.text.toString(), grown.text.toString());
      }
      assertEquals(reference.undo.canUndo(), grown.undo.canUndo());
    }
  }

  /** The case the fast path exists for: one keystroke per transaction makes no item. */
  @Example
  void typingOneUnitPerTransaction_keepsOneItem() {
    Doc doc = new Doc(1);
    YText text = YText.of(doc, "t");
    List<byte[]> updates = new ArrayList<>();
    doc.onUpdate((u, origin, t) -> updates.add(u));
    for (char c : "hello".toCharArray()) {
      text.insert(text.length(), String.valueOf(c));
    }
    Doc reader = new Doc(2);
    updates.forEach(reader::applyUpdate);
    assertEquals("hello", YText.of(reader, "t").toString());
    Doc whole = new Doc(1);
    YText.of(whole, "t").insert(0, "hello");
    assertArrayEquals(whole.encodeStateAsUpdate(), doc.encodeStateAsUpdate(), "one run, as if typed at once");
  }
}
