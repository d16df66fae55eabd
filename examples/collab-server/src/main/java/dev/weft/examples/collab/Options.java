package dev.weft.examples.collab;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The server's command-line options; {@link #parse} reads them, {@link #USAGE} explains them.
 *
 * @param host the address to listen on
 * @param port the HTTP port (0: any free port)
 * @param data the directory of the document logs
 * @param node this node's name on the Redis or Kafka bus
 * @param redis a Redis to share documents with other nodes through, or null
 * @param kafka Kafka bootstrap servers to share documents through, or null
 * @param kafkaTopic the Kafka topic holding every document
 * @param secret the token signing key, or null for a random one per start
 * @param tokenTtl how long a connect token is valid
 */
public record Options(String host, int port, Path data, String node, URI redis, String kafka, String kafkaTopic,
    byte[] secret, Duration tokenTtl) {

  public static final String USAGE = """
      usage: java -jar collab-server.jar [options]

        --port N           HTTP port (default 8080; 0 picks a free one)
        --host ADDRESS     address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
        --data DIR         where documents are stored (default ./data)
        --redis URI        share documents with other nodes through Redis, e.g. redis://127.0.0.1:6379
        --kafka SERVERS    share documents with other nodes through Kafka, e.g. 127.0.0.1:9092
        --kafka-topic T    the Kafka topic (default weft-docs)
        --node NAME        this node's name on the bus (default: random)
        --secret TEXT      token signing secret, the same on every node (default: random per start;
                           also read from the environment variable WEFT_SECRET)
        --token-ttl SECS   lifetime of connect tokens (default 300)
        --help             print this and exit
      """;

  /** Thrown for a bad command line; the message says what is wrong. */
  public static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** The defaults: port 8080 on 127.0.0.1, documents under ./data, no bus. */
  public static Options defaults() {
    return new Options("127.0.0.1", 8080, Path.of("data"), "node-" + UUID.randomUUID().toString().substring(0, 8),
        null, null, "weft-docs", null, Duration.ofMinutes(5));
  }

  /** Reads {@code args} over the defaults; {@code env} supplies WEFT_SECRET. Null for --help. */
  public static Options parse(String[] args, Map<String, String> env) throws UsageException {
    Options o = defaults();
    String secret = env.get("WEFT_SECRET");
    String host = o.host;
    int port = o.port;
    Path data = o.data;
    String node = o.node;
    URI redis = null;
    String kafka = null;
    String topic = o.kafkaTopic;
    Duration ttl = o.tokenTtl;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        return null;
      }
      if (!a.startsWith("--")) {
        throw new UsageException("unexpected argument: " + a);
      }
      if (i + 1 >= args.length) {
        throw new UsageException(a + " needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--port" -> port = number(a, v, 0, 65535);
        case "--host" -> host = v;
        case "--data" -> data = Path.of(v);
        case "--node" -> node = v;
        case "--redis" -> redis = redisUri(v);
        case "--kafka" -> kafka = v;
        case "--kafka-topic" -> topic = v;
        case "--secret" -> secret = v;
        case "--token-ttl" -> ttl = Duration.ofSeconds(number(a, v, 1, 86_400));
        default -> throw new UsageException("unknown option: " + a);
      }
    }
    if (redis != null && kafka != null) {
      throw new UsageException("choose one of --redis and --kafka");
    }
    byte[] key = null;
    if (secret != null) {
      key = secret.getBytes(StandardCharsets.UTF_8);
      if (key.length < 16) {
        throw new UsageException("the secret must have at least 16 bytes");
      }
    }
    return new Options(host, port, data, node, redis, kafka, topic, key, ttl);
  }

  /** These options with another port (tests start servers on free ports). */
  public Options withPort(int port) {
    return new Options(host, port, data, node, redis, kafka, kafkaTopic, secret, tokenTtl);
  }

  private static int number(String option, String v, int min, int max) throws UsageException {
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " needs a number from " + min + " to " + max + ": " + v);
  }

  private static URI redisUri(String v) throws UsageException {
    try {
      URI u = URI.create(v);
      if ("redis".equalsIgnoreCase(u.getScheme()) && u.getHost() != null) {
        return u;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new UsageException("--redis needs a URI like redis://127.0.0.1:6379: " + v);
  }
}
