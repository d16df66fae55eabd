package dev.weft.crdt;

import dev.weft.crdt.internal.DeleteSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of an {@link UndoManager}'s undo or redo stack: the content a group of transactions
 * inserted and the content it deleted, as clock ranges. {@link #meta()} is free for the
 * application, typically to save the selection when the step is added and restore it when the
 * step is popped.
 */
public final class StackItem {
  DeleteSet deletions;
  DeleteSet insertions;
  private final Map<Object, Object> meta = new LinkedHashMap<>();

  StackItem(DeleteSet deletions, DeleteSet insertions) {
    this.deletions = deletions;
    this.insertions = insertions;
  }

  /** Application data attached to this step (mutable). */
  public Map<Object, Object> meta() {
    return meta;
  }

  /** Whether the step inserted the unit {@code (client, clock)}. */
  public boolean inserted(long client, long clock) {
    return insertions.contains(new dev.weft.crdt.internal.Id(client, clock));
  }

  /** Whether the step deleted the unit {@code (client, clock)}. */
  public boolean deleted(long client, long clock) {
    return deletions.contains(new dev.weft.crdt.internal.Id(client, clock));
  }

  @Override
  public String toString() {
    return "StackItem(insertions " + insertions + ", deletions " + deletions + ", meta " + meta + ")";
  }
}
