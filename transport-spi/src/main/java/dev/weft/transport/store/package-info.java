/**
 * Durable storage of documents as Yjs updates: the {@link dev.weft.transport.store.DocumentStore}
 * SPI, an in-memory store for tests and an append-only, checksummed file store.
 */
package dev.weft.transport.store;
