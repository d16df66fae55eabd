/**
 * Connecting documents to the network: the {@link dev.weft.transport.Transport} SPI that adapters
 * implement (found by URI scheme through {@link dev.weft.transport.Transports}), an in-memory
 * transport, and {@link dev.weft.transport.SyncSession}, which keeps a document and its awareness
 * in sync with a peer over any transport.
 */
package dev.weft.transport;
