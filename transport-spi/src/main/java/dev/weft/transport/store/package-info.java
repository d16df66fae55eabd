/**
 * Durable storage of documents as Yjs updates: the {@link dev.weft.transport.store.DocumentStore}
 * SPI, an in-memory store for tests, an append-only, checksummed file store, and named versions
 * of stored documents ({@link dev.weft.transport.store.VersionHistory}).
 */
package dev.weft.transport.store;
