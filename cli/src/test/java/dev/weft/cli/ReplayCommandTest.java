package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.encoding.Json;
import dev.weft.text.YText;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft replay}: small synthetic traces written by the test; no figure is a timing. */
class ReplayCommandTest {
  @TempDir Path dir;

  private static final String SEQUENTIAL = "{\"startContent\":\"\",\"endContent\":\"Hello, world\",\"txns\":["
      + "{\"time\":\"t0\",\"patches\":[[0,0,\"hello world\"]]},"
      + "{\"time\":\"t1\",\"patches\":[[5,0,\",\"],[0,1,\"H\"]]}]}";

  /** Agent 1 appends after seeing agent 0's text while agent 0 concurrently inserts at the start. */
  private static final String CONCURRENT = "{\"kind\":\"concurrent\",\"endContent\":\"Xabcdef\",\"numAgents\":2,"
      + "\"txns\":[{\"parents\":[],\"numChildren\":2,\"agent\":0,\"patches\":[[0,0,\"abc\"]]},"
      + "{\"parents\":[0],\"numChildren\":0,\"agent\":1,\"patches\":[[3,0,\"def\"]]},"
      + "{\"parents\":[0],\"numChildren\":0,\"agent\":0,\"patches\":[[0,0,\"X\"]]}]}";

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path gzip(String name, String json) throws Exception {
    Path file = dir.resolve(name + ".json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static List<Map<?, ?>> lines(String out) {
    return out.lines().<Map<?, ?>>map(l -> (Map<?, ?>) Json.parse(l)).toList();
  }

  @Test
  void replay_sequential_oneLinePerRun_thenMedians() throws Exception {
    Path trace = gzip("hello", SEQUENTIAL);
    Result r = run("replay", trace.toString(), "--runs", "3", "--warmup", "0");
    assertEquals(0, r.code(), r.err());
    List<Map<?, ?>> lines = lines(r.out());
    assertEquals(4, lines.size(), r.out());

    Doc expected = new Doc(1);
    YText text = YText.of(expected, "text");
    expected.transact(t -> text.insert(0, "hello world"));
    expected.transact(t -> text.insert(5, ","));
    expected.transact(t -> {
      text.delete(0, 1);
      text.insert(0, "H");
    });
    for (int i = 0; i < 3; i++) {
      Map<?, ?> line = lines.get(i);
      assertEquals(List.of("run", "trace", "kind", "replayMs", "loadMs", "encodeMs", "v1Bytes", "v2Bytes",
          "finalLength", "matchesEndContent"), List.copyOf(line.keySet()));
      assertEquals((long) i + 1, ((Number) line.get("run")).longValue());
      assertEquals("hello", line.get("trace"));
      assertEquals("sequential", line.get("kind"));
      assertEquals(true, line.get("matchesEndContent"));
      assertEquals(12L, ((Number) line.get("finalLength")).longValue());
      assertEquals((long) expected.encodeStateAsUpdate().length, ((Number) line.get("v1Bytes")).longValue());
      assertEquals((long) expected.encodeStateAsUpdateV2().length, ((Number) line.get("v2Bytes")).longValue());
      assertTrue(((Number) line.get("replayMs")).doubleValue() >= 0);
    }
    Map<?, ?> summary = lines.get(3);
    assertEquals("median", summary.get("summary"));
    assertEquals(3L, ((Number) summary.get("runs")).longValue());
    assertEquals(3L, ((Number) summary.get("patches")).longValue());
    assertEquals(true, summary.get("matchesEndContent"));
    assertEquals(lines.get(0).get("v1Bytes"), summary.get("v1Bytes"));
  }

  @Test
  void replay_concurrent_everyReplicaReachesTheEndContent() throws Exception {
    Path trace = gzip("two-agents", CONCURRENT);
    Result r = run("replay", trace.toString(), "--runs", "1");
    assertEquals(0, r.code(), r.err());
    Map<?, ?> line = lines(r.out()).get(0);
    assertEquals("concurrent", line.get("kind"));
    assertEquals(true, line.get("matchesEndContent"), r.out());
    assertEquals(7L, ((Number) line.get("finalLength")).longValue());
  }

  @Test
  void replay_reportsAMismatch_andReadsPlainJson() throws Exception {
    Path trace = Files.writeString(dir.resolve("wrong.json"), SEQUENTIAL.replace("Hello, world", "Hello world"));
    Result r = run("replay", trace.toString(), "--runs", "1", "--warmup", "0");
    assertEquals(0, r.code(), r.err());
    List<Map<?, ?>> lines = lines(r.out());
    assertEquals(false, lines.get(0).get("matchesEndContent"));
    assertEquals(false, lines.get(1).get("matchesEndContent"));
  }

  @Test
  void replay_badTraces_oneLineOnStderr_exit1() throws Exception {
    List<Path> bad = List.of(
        Files.writeString(dir.resolve("notjson.json"), "{\"txns\": ["),
        gzip("nopatches", "{\"endContent\":\"\",\"txns\":[{\"patches\":7}]}"),
        gzip("shortpatch", "{\"endContent\":\"\",\"txns\":[{\"patches\":[[0,0]]}]}"),
        gzip("outofrange", "{\"endContent\":\"\",\"txns\":[{\"patches\":[[5,0,\"x\"]]}]}"),
        gzip("laterparent", CONCURRENT.replace("\"parents\":[0],\"numChildren\":0,\"agent\":1",
            "\"parents\":[2],\"numChildren\":0,\"agent\":1")),
        dir.resolve("missing.json.gz"));
    for (Path file : bad) {
      Result r = run("replay", file.toString(), "--warmup", "0", "--runs", "1");
      assertEquals(1, r.code(), file + ": " + r.out() + r.err());
      assertEquals("", r.out());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("weft: " + file), r.err());
    }
  }

  @Test
  void replay_badArguments_exit2() throws Exception {
    Path trace = gzip("hello", SEQUENTIAL);
    assertEquals(2, run("replay").code());
    assertEquals(2, run("replay", trace.toString(), "--runs", "0").code());
    assertEquals(2, run("replay", trace.toString(), "--runs", "many").code());
    assertEquals(2, run("replay", trace.toString(), trace.toString()).code());
    assertTrue(run("--help").out().contains("replay TRACE.json[.gz] [--runs N]"));
  }
}
