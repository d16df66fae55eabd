package dev.weft.text.golden;

import static dev.weft.crdt.golden.Golden.list;
import static dev.weft.crdt.golden.Golden.map;
import static dev.weft.crdt.golden.Golden.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.crdt.encoding.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of undo against yjs on random scenarios: {@code interop/editor/generate.mjs
 * --random} draws scenarios of random edits on two peers (text, map, array, nested types, syncs,
 * clock ticks, undo, redo, stopCapturing) and records yjs's observations after every step; each
 * is replayed through Weft like the pinned vectors ({@link EditorVectorTest}). Seeds are fixed
 * (override with {@code -Dweft.editorSeed}, {@code -Dweft.editorScenarios} and
 * {@code -Dweft.editorSteps}), so a failure
 * names a scenario that {@code node interop/editor/generate.mjs --random <seed> 1 60 <dir>}
 * reproduces. Skipped without {@code node} or {@code interop/node_modules}.
 */
class EditorDifferentialTest {
  private static final Path ROOT = root();
  private static final int STEPS = Integer.getInteger("weft.editorSteps", 60);

  @TempDir
  Path out;

  @TestFactory
  Stream<DynamicTest> randomScenarios_matchYjs() throws Exception {
    assumeTrue(Files.isRegularFile(ROOT.resolve("interop/node_modules/yjs/package.json")),
        "skipped: interop/node_modules is missing; run 'npm ci' in interop/");
    long seed = Long.getLong("weft.editorSeed", 1);
    int count = Integer.getInteger("weft.editorScenarios", 60);
    Process p;
    try {
      p = new ProcessBuilder("node", ROOT.resolve("interop/editor/generate.mjs").toString(), "--random",
          Long.toString(seed), Integer.toString(count), Integer.toString(STEPS), out.toString())
          .directory(ROOT.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "skipped: 'node' cannot be started: " + e.getMessage());
      return Stream.empty();
    }
    p.getOutputStream().close();
    byte[] log = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("generate.mjs --random did not finish within 120 s");
    }
    assertEquals(0, p.exitValue(), new String(log, StandardCharsets.UTF_8));
    Map<String, Object> index = map(Json.parse(Files.readString(out.resolve("index.json"))));
    List<Object> files = list(index.get("scenarios"));
    assertEquals(count, files.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (Object f : files) {
      Map<String, Object> vector = map(Json.parse(Files.readString(out.resolve(str(f)))));
      assertTrue(list(map(vector.get("scenario")).get("steps")).size() == STEPS);
      tests.add(DynamicTest.dynamicTest(str(vector.get("name")), () -> EditorVectorTest.run(vector, true)));
    }
    return tests.stream();
  }

  private static Path root() {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    return Files.isDirectory(cwd.resolve("interop")) ? cwd : cwd.getParent();
  }
}
