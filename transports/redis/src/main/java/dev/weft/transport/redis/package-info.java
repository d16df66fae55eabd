/**
 * Redis Streams fan-out: {@link dev.weft.transport.redis.RedisFanout} connects a node to Redis,
 * opens transports to documents on the bus and bridges a hub to them. Stream layout: this module's
 * {@code FORMAT.md}.
 */
package dev.weft.transport.redis;
