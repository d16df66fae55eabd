package dev.weft.text.differential;

import dev.weft.crdt.encoding.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A live Node process running {@code interop/differential/driver.mjs} with the pinned {@code yjs}:
 * one JSON command per line in, one JSON answer per line out, byte arrays as base64. One process
 * serves a whole test class, so scenarios do not pay Node's start-up.
 *
 * <pre>{@code
 * try (NodeDriver yjs = NodeDriver.start()) {
 *   Map<String, Object> state = yjs.call("apply", "updates", List.of(...));
 * }
 * }</pre>
 */
public final class NodeDriver implements AutoCloseable {
  /** The repository root: surefire runs in the module directory. */
  public static final Path ROOT = repositoryRoot();
  private static final Path DRIVER = ROOT.resolve("interop/differential/driver.mjs");

  /** How long one command may take before the driver is considered hung. */
  private static final long ANSWER_TIMEOUT_SECONDS = 120;
  private static final String EXITED = "\u0000exited";

  private final Process process;
  private final OutputStream in;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

  private NodeDriver(Process process) {
    this.process = process;
    this.in = process.getOutputStream();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          answers.add(line);
        }
      } catch (IOException e) {
        // the process is gone; the waiting call learns it below
      }
      answers.add(EXITED);
    }, "node-driver-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Why the driver cannot run here (no {@code node} on the path, no {@code interop/node_modules}),
   * or null if it can.
   */
  public static String unavailableReason() {
    if (!Files.isRegularFile(ROOT.resolve("interop/node_modules/yjs/package.json"))) {
      return "interop/node_modules is missing; run 'npm ci' in interop/ (./mvnw verify does, unless -Dweft.skipNpm=true)";
    }
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getOutputStream().close();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return "'node --version' failed";
      }
      return null;
    } catch (IOException | InterruptedException e) {
      return "'node' is not on the PATH (" + e.getMessage() + ")";
    }
  }

  /** Starts the driver. */
  public static NodeDriver start() throws IOException {
    Process p = new ProcessBuilder("node", DRIVER.toString())
        .directory(ROOT.resolve("interop").toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    return new NodeDriver(p);
  }

  /** Runs one command given as alternating names and values; answers the command's result. */
  public Map<String, Object> call(String cmd, Object... args) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("cmd", cmd);
    for (int i = 0; i < args.length; i += 2) {
      request.put((String) args[i], args[i + 1]);
    }
    try {
      in.write((Json.stringify(request) + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      String line = answers.poll(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (line == null) {
        process.destroyForcibly();
        throw new IllegalStateException("the Node driver did not answer " + cmd + " within " + ANSWER_TIMEOUT_SECONDS + " s");
      }
      if (line.equals(EXITED)) {
        answers.add(EXITED);
        throw new IllegalStateException("the Node driver exited (" + cmd + ")");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = (Map<String, Object>) Json.parse(line);
      if (answer.containsKey("error")) {
        throw new IllegalStateException("Node driver failed on " + cmd + ": " + answer.get("error"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> ok = (Map<String, Object>) answer.get("ok");
      return ok;
    } catch (IOException e) {
      throw new IllegalStateException("cannot talk to the Node driver", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Node driver", e);
    }
  }

  public static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public static byte[] unb64(Object s) {
    return Base64.getDecoder().decode((String) s);
  }

  @Override
  public void close() {
    try {
      in.close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }

  private static Path repositoryRoot() {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    if (Files.isDirectory(cwd.resolve("interop")) && Files.isDirectory(cwd.resolve("crdt-text"))) {
      return cwd;
    }
    return cwd.getParent();
  }
}
