package dev.weft.transport.kafka.internal;

import dev.weft.transport.Transport;
import dev.weft.transport.TransportProvider;
import dev.weft.transport.kafka.KafkaFanout;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/** The {@code kafka://host:port/topic/document} scheme; see {@link KafkaFanout#connect(URI)}. */
public final class KafkaTransportProvider implements TransportProvider {
  @Override
  public Set<String> schemes() {
    return Set.of("kafka");
  }

  @Override
  public Transport connect(URI uri) throws IOException {
    return KafkaFanout.connect(uri);
  }
}
