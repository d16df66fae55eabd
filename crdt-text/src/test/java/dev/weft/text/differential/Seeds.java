package dev.weft.text.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Which scenarios a differential test runs, from system properties:
 * <ul>
 *   <li>{@code weft.differential.seed=N} replays scenario N alone;
 *   <li>{@code weft.differential.scenarios=K} runs K scenarios per test instead of the default
 *       ({@code -Psoak} sets 20000);
 *   <li>{@code weft.differential.baseSeed=B} starts the seeds at B (scenario i has seed B + i).
 * </ul>
 * Every failing seed is printed with the command that replays it.
 */
final class Seeds {
  private static final long DEFAULT_BASE = 0x5EED_0000L;

  private Seeds() {}

  /** The number of scenarios a run makes, before any single-seed replay. */
  static int count(int defaultCount) {
    String p = System.getProperty("weft.differential.scenarios", "");
    return p.isBlank() ? defaultCount : Integer.parseInt(p.trim());
  }

  /** Runs {@code scenario} for each seed; fails listing the first failing seeds. Answers the count run. */
  static int run(String test, int defaultCount, LongConsumer scenario) {
    String only = System.getProperty("weft.differential.seed", "");
    List<Long> seeds = new ArrayList<>();
    if (!only.isBlank()) {
      seeds.add(Long.parseLong(only.trim()));
    } else {
      String b = System.getProperty("weft.differential.baseSeed", "");
      long base = b.isBlank() ? DEFAULT_BASE : Long.parseLong(b.trim());
      for (int i = 0; i < count(defaultCount); i++) {
        seeds.add(base + i);
      }
    }
    List<String> failures = new ArrayList<>();
    Throwable first = null;
    for (long seed : seeds) {
      try {
        scenario.accept(seed);
      } catch (AssertionError | RuntimeException e) {
        String replay = "./mvnw -B -pl crdt-text -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=" + test
            + " -Dweft.differential.seed=" + seed;
        System.out.println("[differential] " + test + " seed " + seed + " FAILED: " + e.getMessage()
            + "\n  replay: " + replay);
        failures.add(seed + ": " + firstLine(e.getMessage()));
        if (first == null) {
          first = e;
        }
        if (failures.size() >= 5) {
          break;
        }
      }
    }
    if (first != null) {
      fail(test + ": " + failures.size() + " failing scenario(s) (replay one with -Dweft.differential.seed=N):\n  "
          + String.join("\n  ", failures), first);
    }
    return seeds.size();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
