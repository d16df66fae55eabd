package dev.weft.examples.collab;

import dev.weft.crdt.encoding.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven by {@code web/e2e/driver.mjs} (playwright-core) in a child Node
 * process: one JSON command per line, one JSON answer per line. Pages are numbered.
 */
final class Browser implements AutoCloseable {
  static final Path WEB = Path.of(System.getProperty("weft.web", "web"));
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final long ANSWER_SECONDS = 60;

  /** What one page shows. */
  record View(boolean ready, String text, boolean synced, boolean readOnly, String status, List<Object> others,
      List<Object> carets, List<Object> peersShown) {}

  private final Process process;
  private final OutputStream commands;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

  private Browser() throws IOException {
    process = new ProcessBuilder("node", "e2e/driver.mjs")
        .directory(WEB.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    commands = process.getOutputStream();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          answers.add(line);
        }
      } catch (IOException e) {
        // the process ended; callers time out with a message
      }
    }, "browser-answers");
    reader.setDaemon(true);
    reader.start();
  }

  /** Why the browser tests cannot run here, or null if they can. */
  static String unavailable() {
    if (!Files.isExecutable(CHROMIUM)) {
      return CHROMIUM + " is missing (.ci/install-chromium installs Debian's chromium)";
    }
    if (!Files.isDirectory(WEB.resolve("node_modules/playwright-core"))) {
      return "web/node_modules is missing (the build ran with -Dweft.skipNpm=true)";
    }
    if (Browser.class.getResource(Http.WEB + "editor.js") == null) {
      return "the editor bundle is missing (the build ran with -Dweft.skipNpm=true)";
    }
    return null;
  }

  static Browser start() throws IOException {
    return new Browser();
  }

  int open(String url) throws IOException, InterruptedException {
    return ((Number) call(Map.of("op", "open", "url", url))).intValue();
  }

  void type(int page, String text) throws IOException, InterruptedException {
    call(Map.of("op", "type", "page", page, "text", text));
  }

  /** Each page of {@code edits} types its text at the end of the document, all at once. */
  void typeAtOnce(Map<Integer, String> edits) throws IOException, InterruptedException {
    List<Object> list = edits.entrySet().stream()
        .map(e -> (Object) Map.of("page", e.getKey(), "text", e.getValue()))
        .toList();
    call(Map.of("op", "typeMany", "edits", list));
  }

  /** Inserts into the page's Y.Text directly, as a client that ignores read-only would. */
  String insertDirect(int page, String text) throws IOException, InterruptedException {
    return (String) call(Map.of("op", "insertDirect", "page", page, "text", text, "at", 0));
  }

  @SuppressWarnings("unchecked")
  View inspect(int page) throws IOException, InterruptedException {
    Map<String, Object> m = (Map<String, Object>) call(Map.of("op", "inspect", "page", page));
    if (!Boolean.TRUE.equals(m.get("ready"))) {
      return new View(false, null, false, false, (String) m.get("status"), List.of(), List.of(), List.of());
    }
    return new View(true, (String) m.get("text"), Boolean.TRUE.equals(m.get("synced")),
        Boolean.TRUE.equals(m.get("readOnly")), (String) m.get("status"), (List<Object>) m.get("others"),
        (List<Object>) m.get("carets"), (List<Object>) m.get("peersShown"));
  }

  void closeAllPages() throws IOException, InterruptedException {
    call(Map.of("op", "closeAll"));
  }

  private synchronized Object call(Map<String, Object> command) throws IOException, InterruptedException {
    commands.write((Json.stringify(new LinkedHashMap<>(command)) + "\n").getBytes(StandardCharsets.UTF_8));
    commands.flush();
    String line = answers.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
    if (line == null) {
      throw new IOException("no answer from the browser driver in " + ANSWER_SECONDS + " s to " + command
          + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")"));
    }
    Map<?, ?> answer = (Map<?, ?>) Json.parse(line);
    if (answer.containsKey("error")) {
      throw new IOException("browser: " + answer.get("error") + " (command " + command + ")");
    }
    return answer.get("ok");
  }

  @Override
  public void close() {
    try {
      commands.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
