package dev.weft.transport;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Creates transports for some URI schemes ({@code ws}, {@code redis}, {@code kafka}…). Adapters
 * register one with {@link java.util.ServiceLoader}: {@code provides
 * dev.weft.transport.TransportProvider with …} in {@code module-info.java}, and a {@code
 * META-INF/services/dev.weft.transport.TransportProvider} file for the class path. {@link
 * Transports#connect(URI)} picks the provider by scheme.
 *
 * <p>Every adapter also stays constructible directly, without this lookup.
 */
public interface TransportProvider {
  /** The URI schemes handled, lower case, for example {@code Set.of("ws", "wss")}. */
  Set<String> schemes();

  /**
   * Opens a connection to {@code uri}; blocks until it is open.
   *
   * @throws IOException if it cannot be opened
   */
  Transport connect(URI uri) throws IOException;
}
