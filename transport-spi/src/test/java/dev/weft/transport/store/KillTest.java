package dev.weft.transport.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is appending to a file store at a random moment (SIGKILL: no shutdown hooks, no
 * flushing), then checks that every update it acknowledged on stdout is in the store, in order,
 * and that the store still takes appends.
 */
class KillTest {
  private static final int UPDATES = 5_000;

  @TempDir
  Path dir;

  @Test
  void killedWriter_losesNothingItAcknowledged() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<byte[]> expected = FileDocumentStoreTest.updates(UPDATES + 1);
    for (int round = 0; round < 3; round++) {
      Path store = dir.resolve("round" + round);
      int killAfter = 1 + random.nextInt(300);
      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          KillTestChild.class.getName(), store.toString(), String.valueOf(UPDATES))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      int lastAck = -1;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          lastAck = Integer.parseInt(line.substring(4));
          if (lastAck + 1 == killAfter) {
            child.toHandle().destroyForcibly(); // SIGKILL; keep reading acks already printed
          }
        }
      }
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child exits");
      assertTrue(lastAck >= killAfter - 1, "child acknowledged " + (lastAck + 1) + " (seed " + seed + ")");
      try (FileDocumentStore reopened = new FileDocumentStore(store)) {
        List<byte[]> got = reopened.load("doc");
        assertTrue(got.size() > lastAck, "acknowledged " + (lastAck + 1) + " but found " + got.size()
            + " (seed " + seed + ")");
        for (int i = 0; i < got.size(); i++) {
          assertArrayEquals(expected.get(i), got.get(i), "record " + i + " (seed " + seed + ")");
        }
        reopened.append("doc", expected.get(UPDATES));
        assertTrue(reopened.load("doc").size() == got.size() + 1);
      }
    }
  }
}
