package dev.weft.text.golden;

import static dev.weft.crdt.golden.Golden.assertUpdate;
import static dev.weft.crdt.golden.Golden.canonical;
import static dev.weft.crdt.golden.Golden.list;
import static dev.weft.crdt.golden.Golden.load;
import static dev.weft.crdt.golden.Golden.map;
import static dev.weft.crdt.golden.Golden.str;
import static dev.weft.crdt.golden.Golden.toTagged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.golden.Golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Undo, relative positions and snapshots against yjs: every scenario of
 * {@code interop/editor/scenarios.mjs} is replayed through Weft, and after every step the
 * documents' content, the undo managers' stacks and events, the encoded positions and snapshots
 * and what they resolve to must equal what yjs recorded ({@code src/test/resources/editor}).
 * The final state of every replica must have the same bytes as in yjs, except after a restore
 * (which writes under a random client id).
 */
class EditorVectorTest {
  @TestFactory
  Stream<DynamicTest> scenarios() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Object f : list(map(load("/editor/index.json")).get("scenarios"))) {
      Map<String, Object> vector = map(load("/editor/" + str(f)));
      tests.add(DynamicTest.dynamicTest(str(vector.get("name")), () -> run(vector, false)));
    }
    return tests.stream();
  }

  /**
   * Replays {@code vector} and compares every step. With {@code joinGc}, final states whose bytes
   * differ only in how adjacent GC structs are split count as equal: Weft always joins them (a
   * documented difference, see the README), which yjs does not after some deletions of types.
   */
  static void run(Map<String, Object> vector, boolean joinGc) {
    Map<String, Object> scenario = map(vector.get("scenario"));
    EditorScenario play = new EditorScenario(scenario);
    List<Object> steps = list(scenario.get("steps"));
    List<Object> expected = list(vector.get("results"));
    boolean restored = false;
    for (int i = 0; i < steps.size(); i++) {
      Map<String, Object> step = map(steps.get(i));
      restored |= step.containsKey("restore");
      Map<String, Object> actual = play.step(i, step);
      Map<String, Object> want = map(expected.get(i));
      for (String key : want.keySet()) {
        if (restored && "(random client id)".equals(actual.get(key))) {
          continue;
        }
        assertEquals(canonical(want.get(key)), canonical(toTagged(actual.get(key))),
            "step " + i + " " + canonical(step) + ": " + key);
      }
      assertEquals(want.keySet(), actual.keySet(), "step " + i + ": recorded fields");
    }
    if (!restored) {
      Map<String, Object> finals = map(vector.get("final"));
      Map<String, String> mine = play.finalUpdates();
      for (String peer : finals.keySet()) {
        String want = str(finals.get(peer));
        if (joinGc && !want.equals(mine.get(peer))) {
          assertEquals(gcJoined(Golden.describe(Golden.unhex(want))), gcJoined(Golden.describe(Golden.unhex(mine.get(peer)))),
              "final state of " + peer + ", GC structs joined");
          continue;
        }
        assertUpdate("final state of " + peer, want, Golden.unhex(mine.get(peer)));
      }
    }
  }

  private static final java.util.regex.Pattern GC = java.util.regex.Pattern.compile("\\s*(\\d+):(\\d+)(?:-(\\d+))? gc");

  /** An update's description with runs of adjacent GC structs as one and struct counts dropped. */
  static String gcJoined(String description) {
    List<String> out = new ArrayList<>();
    long client = -1;
    long start = -1;
    long end = -1;
    for (String line : description.lines().toList()) {
      java.util.regex.Matcher m = GC.matcher(line);
      if (m.matches()) {
        long c = Long.parseLong(m.group(1));
        long from = Long.parseLong(m.group(2));
        long to = m.group(3) == null ? from : Long.parseLong(m.group(3));
        if (c == client && from == end + 1) {
          end = to;
          continue;
        }
        flushGc(out, client, start, end);
        client = c;
        start = from;
        end = to;
        continue;
      }
      flushGc(out, client, start, end);
      client = -1;
      out.add(line.replaceAll("client (\\d+): \\d+ structs", "client $1"));
    }
    flushGc(out, client, start, end);
    return String.join("\n", out);
  }

  private static void flushGc(List<String> out, long client, long start, long end) {
    if (client >= 0) {
      out.add(client + ":" + start + "-" + end + " gc");
    }
  }
}
