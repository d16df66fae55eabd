/**
 * Weft's document model: {@link dev.weft.crdt.Doc}, the shared types {@link dev.weft.crdt.YMap}
 * and {@link dev.weft.crdt.YArray} (text and XML live in {@code dev.weft.text}), change events,
 * and Yjs updates as bytes ({@link dev.weft.crdt.Updates}); for editors, per-user undo
 * ({@link dev.weft.crdt.UndoManager}), positions that follow the content
 * ({@link dev.weft.crdt.RelativePosition}) and versions ({@link dev.weft.crdt.Snapshot}).
 */
package dev.weft.crdt;
