/**
 * Pieces shared by fan-out adapters (Redis, Kafka) that connect the hubs of many nodes through a
 * bus: the {@link dev.weft.transport.fanout.Bridge} that keeps a hub joined to a document on the
 * bus, the {@link dev.weft.transport.fanout.Inbound} delivery thread of a transport, and
 * {@link dev.weft.transport.fanout.Outgoing}, what a transport publishes of what its session sends.
 */
package dev.weft.transport.fanout;
