package dev.weft.transport;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds {@link TransportProvider}s by URI scheme through {@link ServiceLoader}. */
public final class Transports {
  private Transports() {}

  /**
   * The provider for {@code scheme}, from the providers visible to this module (module path) or to
   * the context class loader (class path).
   */
  public static Optional<TransportProvider> provider(String scheme) {
    String s = scheme.toLowerCase(Locale.ROOT);
    Optional<TransportProvider> found = find(ServiceLoader.load(TransportProvider.class), s);
    if (found.isEmpty()) {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      if (cl != null) {
        found = find(ServiceLoader.load(TransportProvider.class, cl), s);
      }
    }
    return found;
  }

  private static Optional<TransportProvider> find(ServiceLoader<TransportProvider> loader, String scheme) {
    for (TransportProvider p : loader) {
      if (p.schemes().contains(scheme)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Connects to {@code uri} with the provider of its scheme; {@code mem://name} is always available
   * (see {@link MemoryTransport#listen}).
   *
   * @throws IllegalArgumentException if no provider handles the scheme
   * @throws IOException if the provider cannot connect
   */
  public static Transport connect(URI uri) throws IOException {
    String scheme = uri.getScheme();
    if (scheme == null) {
      throw new IllegalArgumentException("URI has no scheme: uri=" + uri);
    }
    TransportProvider p = provider(scheme).orElseThrow(() -> new IllegalArgumentException(
        "no TransportProvider for scheme=" + scheme + " (is the adapter on the class or module path?)"));
    return p.connect(uri);
  }
}
