package dev.weft.transport.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server for tests: a child process on 127.0.0.1 and a free port, without
 * persistence ({@code --save "" --appendonly no}), so a restart loses every key. The binary comes
 * from {@code .ci/install-redis}, which the module's build runs.
 */
final class RedisServer implements AutoCloseable {
  private final int port;
  private Process process;

  RedisServer() throws IOException, InterruptedException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    start();
  }

  URI uri() {
    return URI.create("redis://127.0.0.1:" + port);
  }

  int port() {
    return port;
  }

  void start() throws IOException, InterruptedException {
    process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        if ("+PONG".equals(command("PING"))) {
          return;
        }
      } catch (IOException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IOException("redis-server did not start on port " + port + " (is it installed?)", e);
        }
      }
      Thread.sleep(20);
    }
  }

  /** Kills the server (SIGKILL): with persistence off, every stream and key is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  void restart() throws IOException, InterruptedException {
    kill();
    start();
  }

  /** Sends one inline command and returns the first line of the reply. */
  String command(String line) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
