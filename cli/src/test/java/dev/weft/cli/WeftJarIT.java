package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Doc;
import dev.weft.text.YText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged cli/target/weft.jar as a user would (after the package phase). */
class WeftJarIT {
  @TempDir Path dir;

  private static Process weft(String... args) throws Exception {
    String[] cmd = new String[args.length + 3];
    cmd[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    cmd[1] = "-jar";
    cmd[2] = Path.of("target", "weft.jar").toString();
    System.arraycopy(args, 0, cmd, 3, args.length);
    Process p = new ProcessBuilder(cmd).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "weft.jar finished");
    return p;
  }

  @Test
  void jar_printsText_andRejectsGarbage() throws Exception {
    Doc doc = new Doc(1);
    YText.of(doc, "t").insert(0, "hello from the jar");
    Path update = Files.write(dir.resolve("u.bin"), doc.encodeStateAsUpdate());
    Process ok = weft("text", update.toString(), "--root", "t");
    assertEquals("hello from the jar\n", new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertEquals(0, ok.exitValue());

    Path garbage = Files.write(dir.resolve("g.bin"), new byte[] {5, 5, 5});
    Process bad = weft("json", garbage.toString());
    String err = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, bad.exitValue());
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("weft: " + garbage), err);
  }
}
