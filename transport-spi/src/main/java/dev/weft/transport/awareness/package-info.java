/**
 * Awareness: the short-lived, per-client state of a document's session (who is here, where their
 * cursor is), as y-protocols' {@code awareness.js} keeps it.
 */
package dev.weft.transport.awareness;
