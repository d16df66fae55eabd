package dev.weft.crdt;

import java.util.Set;

/**
 * What an {@link UndoManager} tells its listeners when a step is added to a stack, extended, or
 * popped (undone or redone).
 *
 * @param stackItem the step
 * @param origin the origin of the transaction that caused the event (the manager itself for
 *     undo and redo)
 * @param kind {@link Kind#UNDO} for a step of the undo stack, {@link Kind#REDO} for the redo stack
 * @param changedParentTypes the types the transaction changed, with all their ancestors
 */
public record StackItemEvent(StackItem stackItem, Object origin, Kind kind, Set<SharedType> changedParentTypes) {
  /** Which stack a step belongs to (for popped steps: which operation popped it). */
  public enum Kind {
    UNDO,
    REDO
  }
}
