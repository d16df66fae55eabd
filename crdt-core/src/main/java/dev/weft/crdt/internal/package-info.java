/**
 * The engine: structs and their contents, the struct store, integration (YATA as Yjs implements
 * it), transactions, and the update codecs. Not exported, except to Weft's own modules.
 */
package dev.weft.crdt.internal;
