package dev.weft.transport.redis.internal;

import dev.weft.transport.Transport;
import dev.weft.transport.TransportProvider;
import dev.weft.transport.redis.RedisFanout;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/** The {@code redis://host[:port]/document} scheme; see {@link RedisFanout#connect(URI)}. */
public final class RedisTransportProvider implements TransportProvider {
  @Override
  public Set<String> schemes() {
    return Set.of("redis");
  }

  @Override
  public Transport connect(URI uri) throws IOException {
    return RedisFanout.connect(uri);
  }
}
