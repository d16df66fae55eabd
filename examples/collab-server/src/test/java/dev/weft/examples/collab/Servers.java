package dev.weft.examples.collab;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Options for servers started by tests: loopback, a free port, the given data directory. */
final class Servers {
  private Servers() {}

  static Options options(Path data) {
    return new Options("127.0.0.1", 0, data, "node-test", null, null, "weft-docs", null, Duration.ofMinutes(5));
  }

  static Options redis(Path data, String node, URI redis) {
    return new Options("127.0.0.1", 0, data, node, redis, null, "weft-docs", null, Duration.ofMinutes(5));
  }

  /** {@code http://127.0.0.1:PORT} + path: browsers must not pick ::1 for "localhost" here. */
  static String url(CollabServer server, String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }
}
