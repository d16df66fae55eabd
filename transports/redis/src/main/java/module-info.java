/**
 * Serves one document from many nodes through Redis: a Redis Stream per document carries its
 * updates and awareness between nodes. See {@link dev.weft.transport.redis.RedisFanout}.
 */
module dev.weft.transport.redis {
  requires transitive dev.weft.transport;
  requires lettuce.core;

  exports dev.weft.transport.redis;

  provides dev.weft.transport.TransportProvider with dev.weft.transport.redis.internal.RedisTransportProvider;
}
