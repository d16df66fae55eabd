package dev.weft.transport.websocket.internal;

import dev.weft.transport.Transport;
import dev.weft.transport.TransportProvider;
import dev.weft.transport.websocket.WebSocketTransport;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/** The {@code ws://} and {@code wss://} schemes, registered with {@link java.util.ServiceLoader}. */
public final class WebSocketTransportProvider implements TransportProvider {
  @Override
  public Set<String> schemes() {
    return Set.of("ws", "wss");
  }

  @Override
  public Transport connect(URI uri) throws IOException {
    return WebSocketTransport.connect(uri);
  }
}
