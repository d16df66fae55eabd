package dev.weft.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of {@link UndoManager} that the yjs vectors do not reach: Java-side options and guards. */
class UndoManagerTest {
  private final long[] now = {1000};

  @Test
  void trackedOrigins_matchByValueOrByClass() {
    Doc doc = new Doc(1);
    YArray a = doc.getArray("a");
    UndoManager um = UndoManager.builder(a).clock(() -> now[0]).trackedOrigins(Set.of(Integer.class)).build();
    doc.transact(t -> a.push("untracked"));
    doc.transact(t -> a.push("tracked"), 7);
    assertEquals(1, um.undoStack().size());
    um.undo();
    assertEquals(List.of("untracked"), a.toJson());
    um.addTrackedOrigin("tool");
    doc.transact(t -> a.push("tool"), "tool");
    um.removeTrackedOrigin("tool");
    now[0] += 1000;
    doc.transact(t -> a.push("ignored"), "tool");
    um.undo();
    assertEquals(List.of("untracked", "ignored"), a.toJson());
  }

  @Test
  void captureTransactionAndDeleteFilter_areConsulted() {
    Doc doc = new Doc(1);
    YArray a = doc.getArray("a");
    List<UndoManager.DeletionCandidate> asked = new ArrayList<>();
    UndoManager um = UndoManager.builder(a).clock(() -> now[0])
        .captureTransaction(t -> !"skip".equals(t.origin()))
        .deleteFilter(c -> {
          asked.add(c);
          return !c.content().contains("keep");
        }).trackedOrigins(new java.util.HashSet<>(java.util.Arrays.asList(null, "skip"))).build();
    doc.transact(t -> a.push("skipped"), "skip");
    assertFalse(um.canUndo());
    a.push("keep");
    a.push(new YMap());   // an item of its own
    um.undo();
    assertEquals(List.of("skipped", "keep"), a.toJson());
    assertSame(a, asked.get(0).parent());
    assertNull(asked.get(0).key());
  }

  @Test
  void meta_travelsFromAddedToPopped_andClose_stopsTracking() {
    Doc doc = new Doc(1);
    YMap m = doc.getMap("m");
    UndoManager um = UndoManager.builder(m).clock(() -> now[0]).build();
    List<Object> restored = new ArrayList<>();
    um.onStackItemAdded(e -> e.stackItem().meta().put("selection", m.size()));
    um.onStackItemPopped(e -> restored.add(e.stackItem().meta().get("selection")));
    List<UndoManager.StackCleared> cleared = new ArrayList<>();
    um.onStackCleared(cleared::add);
    m.set("k", 1);
    StackItem undone = um.undo();
    assertEquals(List.of(1), restored);
    assertEquals(1, undone.meta().get("selection"));
    assertTrue(um.canRedo());
    um.clear();
    assertEquals(List.of(new UndoManager.StackCleared(true, true)), cleared);
    um.close();
    m.set("k", 2);
    assertFalse(um.canUndo());
    assertNull(um.undo());
    assertEquals(Map.of("k", 2), m.toJson());
  }

  @Test
  void undo_keepsDeletedContentFromGarbageCollection() {
    Doc doc = new Doc(1);
    YArray a = doc.getArray("a");
    UndoManager um = UndoManager.builder(a).clock(() -> now[0]).build();
    a.push(List.of(1, 2), "three");
    um.stopCapturing();
    a.delete(0, 2);
    Doc copy = new Doc(2);
    copy.applyUpdate(doc.encodeStateAsUpdate());
    um.undo();
    assertEquals(List.of(List.of(1, 2), "three"), a.toJson());
    copy.applyUpdate(doc.encodeStateAsUpdate());
    assertEquals(a.toJson(), copy.getArray("a").toJson());
  }

  @Test
  void scope_mustBeOfOneDocument() {
    Doc one = new Doc(1);
    Doc two = new Doc(2);
    assertThrows(IllegalArgumentException.class, () -> UndoManager.builder(one.getMap("m"), two.getMap("m")).build());
    assertThrows(IllegalArgumentException.class, () -> UndoManager.builder(new YMap()));
    assertThrows(IllegalArgumentException.class, UndoManager::builder);
  }
}
