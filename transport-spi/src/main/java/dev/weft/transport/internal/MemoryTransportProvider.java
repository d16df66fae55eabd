package dev.weft.transport.internal;

import dev.weft.transport.MemoryTransport;
import dev.weft.transport.Transport;
import dev.weft.transport.TransportProvider;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/** The {@code mem://} scheme, registered with {@link java.util.ServiceLoader}. */
public final class MemoryTransportProvider implements TransportProvider {
  @Override
  public Set<String> schemes() {
    return Set.of("mem");
  }

  @Override
  public Transport connect(URI uri) throws IOException {
    return MemoryTransport.connect(uri);
  }
}
