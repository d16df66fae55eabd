package dev.weft.crdt;

import java.util.Set;

/**
 * Restoring an old version as a new change. The old version is rebuilt as its own document; the
 * changes made since are applied to it as if they were one tracked local step, and undoing that
 * step computes exactly the inserts and deletes that lead back (deleted content comes back as
 * copies, new content is deleted). What undo produced, relative to the current document, is the
 * restoring update.
 */
final class SnapshotRestore {
  private static final Object SINCE = new Object();

  private SnapshotRestore() {}

  static void restore(Doc doc, Doc old, Object origin) {
    byte[] current = doc.encodeStateVector();
    byte[] since = doc.encodeStateAsUpdate(old.encodeStateVector());
    try (UndoManager undo = UndoManager.builder(old).trackedOrigins(Set.of(SINCE)).build()) {
      old.applyUpdate(since, SINCE);
      undo.undo();
    }
    doc.applyUpdate(old.encodeStateAsUpdate(current), origin);
  }
}
