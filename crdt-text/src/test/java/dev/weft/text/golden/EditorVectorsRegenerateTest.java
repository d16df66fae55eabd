package dev.weft.text.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerates the editor vectors (undo, relative positions, snapshots) with Node and the pinned
 * {@code yjs} ({@code node interop/editor/generate.mjs <dir>}) and checks that they equal the
 * pinned copies byte for byte, so that the vectors, the scenarios, the generator and the package
 * versions cannot drift apart.
 *
 * <p>Needs {@code node} on the path and {@code interop/node_modules} (the build runs
 * {@code npm ci} there unless {@code -Dweft.skipNpm=true}); without them the test is skipped,
 * saying why.
 */
class EditorVectorsRegenerateTest {
  /** Surefire runs in the module directory, so the repository root is its parent. */
  private static final Path ROOT = repositoryRoot();
  private static final Path GENERATOR = ROOT.resolve("interop/editor/generate.mjs");
  private static final Path PINNED = ROOT.resolve("crdt-text/src/test/resources/editor");
  private static final long TIMEOUT_SECONDS = 120;

  @Test
  void regeneratedVectors_equalThePinnedOnes(@TempDir Path out) throws Exception {
    assertTrue(Files.isRegularFile(GENERATOR), "generator not found at " + GENERATOR);
    assumeTrue(nodeVersion() != null,
        "skipped: 'node' is not on the PATH, so the editor vectors cannot be regenerated");
    assumeTrue(Files.isRegularFile(ROOT.resolve("interop/node_modules/yjs/package.json")),
        "skipped: interop/node_modules is missing; run 'npm ci' in interop/ "
            + "(./mvnw verify does, unless -Dweft.skipNpm=true)");

    Process p = new ProcessBuilder("node", GENERATOR.toString(), out.toString())
        .directory(ROOT.toFile())
        .redirectErrorStream(true)
        .start();
    p.getOutputStream().close();
    byte[] log = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("interop/editor/generate.mjs did not finish within " + TIMEOUT_SECONDS + " s");
    }
    assertEquals(0, p.exitValue(), "interop/editor/generate.mjs failed:\n" + new String(log, StandardCharsets.UTF_8));

    TreeSet<String> pinned = files(PINNED);
    TreeSet<String> regenerated = files(out);
    assertEquals(pinned, regenerated,
        "the generator writes other files than are pinned; regenerate with: node interop/editor/generate.mjs --pin");
    for (String f : regenerated) {
      assertSameBytes(PINNED.resolve(f), out.resolve(f));
    }
  }

  /** The module directory's parent, or the working directory itself when run from the root. */
  private static Path repositoryRoot() {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    if (Files.isDirectory(cwd.resolve("interop")) && Files.isDirectory(cwd.resolve("crdt-text"))) {
      return cwd;
    }
    return cwd.getParent();
  }

  /** The output of {@code node --version}, or null if node cannot be started. */
  private static String nodeVersion() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getOutputStream().close();
      String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? version : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Relative paths of the regular files under {@code dir}, dot files (.gitattributes) left out. */
  private static TreeSet<String> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static void assertSameBytes(Path pinned, Path regenerated) throws IOException {
    byte[] want = Files.readAllBytes(pinned);
    byte[] got = Files.readAllBytes(regenerated);
    if (Arrays.equals(want, got)) {
      return;
    }
    List<String> a = Files.readAllLines(pinned, StandardCharsets.UTF_8);
    List<String> b = Files.readAllLines(regenerated, StandardCharsets.UTF_8);
    int line = 0;
    while (line < a.size() && line < b.size() && a.get(line).equals(b.get(line))) {
      line++;
    }
    fail(ROOT.relativize(pinned) + " differs from the regenerated file at line " + (line + 1)
        + "\n  pinned:      " + (line < a.size() ? a.get(line) : "<end of file>")
        + "\n  regenerated: " + (line < b.size() ? b.get(line) : "<end of file>")
        + "\nIf the change is intended, regenerate with: node interop/editor/generate.mjs --pin");
  }
}
