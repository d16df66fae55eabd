package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.crdt.YMap;
import dev.weft.text.YText;
import dev.weft.text.YXmlElement;
import dev.weft.text.YXmlFragment;
import dev.weft.text.YXmlText;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;
  private Path first;
  private Path second;
  private Doc source;

  /** Two updates of one document: text, a map and an array first, then XML and more text. */
  @BeforeEach
  void writeUpdates() throws Exception {
    source = new Doc(1);
    List<byte[]> updates = new ArrayList<>();
    source.onUpdate((u, o, t) -> updates.add(u));
    source.transact(t -> {
      YText.of(source, "t").insert(0, "hello");
      YMap m = source.getMap("m");
      m.set("b", 1);
      m.set("a", java.util.Map.of("x", List.of(1, 2)));
      source.getArray("l").push(1, "two", null);
    });
    source.transact(t -> {
      YText.of(source, "t").insert(5, " world");
      YXmlElement p = new YXmlElement("p");
      p.setAttribute("k", "v");
      YXmlFragment.of(source, "x").insert(0, List.of(p));
      p.insert(0, List.of(new YXmlText("hi")));
    });
    first = Files.write(dir.resolve("1.bin"), updates.get(0));
    second = Files.write(dir.resolve("2.bin"), updates.get(1));
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void json_printsEveryRootWithItsGuessedKind() {
    Result r = run("json", first.toString(), second.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("{\"l\":[1,\"two\",null],\"m\":{\"a\":{\"x\":[1,2]},\"b\":1},\"t\":\"hello world\","
        + "\"x\":\"<p k=\\\"v\\\">hi</p>\"}\n", r.out());
  }

  @Test
  void json_takesKindsFromTypeOptions() {
    Result r = run("json", first.toString(), "--type", "t=array", "--type", "nothing=map");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"t\":[\"h\",\"e\",\"l\",\"l\",\"o\"]"), r.out());
    assertTrue(r.out().contains("\"nothing\":{}"), r.out());
  }

  @Test
  void text_printsOneRoot() {
    Result r = run("text", first.toString(), second.toString(), "--root", "t");
    assertEquals(new Result(0, "hello world\n", ""), r);
  }

  @Test
  void merge_diff_stateVector_roundTrip() throws Exception {
    Path merged = dir.resolve("merged.bin");
    assertEquals(0, run("merge", first.toString(), second.toString(), "-o", merged.toString()).code());
    assertArrayEquals(Updates.mergeUpdates(Files.readAllBytes(first), Files.readAllBytes(second)),
        Files.readAllBytes(merged));
    Path sv = dir.resolve("sv.bin");
    assertEquals(0, run("state-vector", first.toString(), "-o", sv.toString()).code());
    Doc afterFirst = new Doc(2);
    afterFirst.applyUpdate(Files.readAllBytes(first));
    assertArrayEquals(afterFirst.encodeStateVector(), Files.readAllBytes(sv));
    Path diff = dir.resolve("diff.bin");
    assertEquals(0, run("diff", merged.toString(), "--state-vector", sv.toString(), "-o", diff.toString()).code());
    afterFirst.applyUpdate(Files.readAllBytes(diff));
    assertArrayEquals(source.encodeStateAsUpdate(), afterFirst.encodeStateAsUpdate());
  }

  @Test
  void convert_writesV2_andEveryCommandReadsIt() throws Exception {
    Path v2 = dir.resolve("v2.bin");
    assertEquals(0, run("convert", first.toString(), "--to", "v2", "-o", v2.toString()).code());
    assertArrayEquals(Updates.convertUpdateFormatV1ToV2(Files.readAllBytes(first)), Files.readAllBytes(v2));
    assertEquals(run("json", first.toString()), run("json", v2.toString()));
  }

  @Test
  void inspect_listsStructsAndDeletes() {
    Result r = run("inspect", second.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("string \" world\""), r.out());
    assertTrue(r.out().contains("type XmlElement \"p\""), r.out());
    assertTrue(r.out().endsWith("deletes\n"), r.out());
  }

  @Test
  void malformedInput_oneLineOnStderr_exit1() throws Exception {
    byte[] bytes = Files.readAllBytes(first);
    Path truncated = Files.write(dir.resolve("t.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 3));
    Path garbage = Files.write(dir.resolve("g.bin"), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
    for (Path bad : List.of(truncated, garbage, dir.resolve("missing.bin"))) {
      Result r = run("json", bad.toString());
      assertEquals(1, r.code(), r.err());
      assertEquals("", r.out());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("weft: " + bad), r.err());
    }
  }

  @Test
  void badArguments_exit2_withUsage() {
    assertEquals(2, run("frobnicate").code());
    assertEquals(2, run("text", first.toString()).code());
    assertEquals(2, run("json", first.toString(), "--type", "t=tree").code());
    assertEquals(2, run("merge", first.toString()).code());
    assertTrue(run("--help").out().contains("state-vector FILE... -o OUT"));
  }
}
