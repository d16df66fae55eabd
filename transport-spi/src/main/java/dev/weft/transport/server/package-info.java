/**
 * The server side of sync: {@link dev.weft.transport.server.SyncHub} hosts many documents for many
 * peers, loads them from a {@link dev.weft.transport.store.DocumentStore} and authorizes joins.
 */
package dev.weft.transport.server;
