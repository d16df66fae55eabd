/**
 * Weft's document model: {@link dev.weft.crdt.Doc}, the shared types {@link dev.weft.crdt.YMap}
 * and {@link dev.weft.crdt.YArray} (text and XML live in {@code dev.weft.text}), change events,
 * and Yjs updates as bytes ({@link dev.weft.crdt.Updates}).
 */
package dev.weft.crdt;
