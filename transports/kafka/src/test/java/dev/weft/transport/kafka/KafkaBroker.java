package dev.weft.transport.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real single-node KRaft broker for tests, in a child JVM on the test class path (Kafka's own
 * jars, test scope): formatted into a temporary log dir, listening on 127.0.0.1 at free ports.
 * {@link #restart} stops it (SIGTERM) and starts it again on the same ports and log dir.
 */
final class KafkaBroker implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final int controllerPort;
  private final List<String> jvmOptions;
  private Process process;

  KafkaBroker(Path dir) throws IOException, InterruptedException {
    this(dir, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
  }

  /** A broker whose JVM takes {@code jvmOptions} (load runs want the full JIT, tests a quick start). */
  KafkaBroker(Path dir, List<String> jvmOptions) throws IOException, InterruptedException {
    this.dir = dir;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.port = freePort();
    this.controllerPort = freePort();
    Path config = dir.resolve("server.properties");
    Files.writeString(config, String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dir.resolve("logs"),
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "num.partitions=1",
        ""));
    Process format = java("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString());
    if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
      throw new IOException("formatting the KRaft log dir failed; see " + dir.resolve("format.log"));
    }
    start();
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  void createTopic(String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
          .configs(Map.of("retention.ms", "-1")))).all().get(30, TimeUnit.SECONDS);
    }
  }

  void start() throws IOException, InterruptedException {
    process = java("kafka.Kafka", dir.resolve("server.properties").toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IOException("the broker did not start; see " + dir.resolve("broker.log"), e);
        }
        Thread.sleep(100);
      }
    }
  }

  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  void restart() throws IOException, InterruptedException {
    stop();
    start();
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private Process java(String main, String... args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
    cmd.addAll(List.of(args));
    String log = main.endsWith("StorageTool") ? "format.log" : "broker.log";
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(log).toFile()))
        .start();
  }

  /**
   * A random cluster id in Kafka's form (URL-safe base64 of 16 bytes). One that starts with '-'
   * would be read by the storage tool as an option, so those are drawn again.
   */
  private static String clusterId() {
    while (true) {
      UUID u = UUID.randomUUID();
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
      b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
      String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
      if (!id.startsWith("-")) {
        return id;
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
