package dev.weft.text;

import static dev.weft.text.TextTesting.json;
import static dev.weft.text.TextTesting.recordUpdates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Doc;
import dev.weft.crdt.encoding.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against yjs 13.6.33: random sessions of two or three replicas (inserts with
 * and without attributes, deletes, formats, embeds, applied deltas, transactions, partial and full
 * syncs; garbage collection on or off; observers that read event deltas or not), recorded
 * by {@code src/test/js/text-scenarios.mjs}. Weft replays each session's operations and must emit
 * the same update bytes on every replica after every step, see the same event deltas, and end with
 * the same content. A failure names the first step at which a replica diverged.
 */
class TextScenariosTest {
  private static final String RESOURCE = System.getProperty("weft.textScenarios", "/text-scenarios.json");

  @TestFactory
  Stream<DynamicTest> everyScenario_matchesYjs() throws IOException {
    List<Object> scenarios;
    try (InputStream in = TextScenariosTest.class.getResourceAsStream(RESOURCE)) {
      scenarios = asList(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
    return scenarios.stream().map(s -> {
      Map<String, Object> scenario = asMap(s);
      return dynamicTest("seed " + scenario.get("seed"), () -> replay(scenario));
    });
  }

  private static void replay(Map<String, Object> scenario) {
    int n = ((Number) scenario.get("clients")).intValue();
    List<Object> expectedUpdates = asList(scenario.get("updates"));
    List<Doc> docs = new ArrayList<>();
    List<List<String>> updates = new ArrayList<>();
    List<List<String>> events = new ArrayList<>();
    List<Object> observed = asList(scenario.get("observed"));
    for (int i = 0; i < n; i++) {
      Doc d = new Doc(i + 1);
      d.setGc((Boolean) scenario.get("gc"));
      updates.add(recordUpdates(d));
      List<String> evs = new ArrayList<>();
      if ((Boolean) observed.get(i)) {
        YText.of(d, "t").observe(e -> evs.add(json(e.delta())));
      }
      events.add(evs);
      docs.add(d);
    }
    List<Object> steps = asList(scenario.get("steps"));
    for (int s = 0; s < steps.size(); s++) {
      Map<String, Object> step = asMap(steps.get(s));
      run(docs, step);
      List<Object> after = asList(step.get("after"));
      for (int i = 0; i < n; i++) {
        List<Object> expected = asList(expectedUpdates.get(i)).subList(0, ((Number) after.get(i)).intValue());
        if (!expected.equals(updates.get(i))) {
          fail("seed " + scenario.get("seed") + ": replica " + (i + 1) + " diverged at step " + s + " "
              + Json.stringify(step) + "\n expected updates " + expected + "\n but were        " + updates.get(i));
        }
      }
    }
    syncAll(docs);
    for (int i = 0; i < n; i++) {
      assertEquals(expectedUpdates.get(i), updates.get(i), "updates of replica " + (i + 1));
      assertEquals(asList(scenario.get("events")).get(i), events.get(i), "event deltas of replica " + (i + 1));
      assertEquals(asList(scenario.get("deltas")).get(i), json(YText.of(docs.get(i), "t").toDelta()),
          "content of replica " + (i + 1));
    }
  }

  private static void run(List<Doc> docs, Map<String, Object> step) {
    switch ((String) step.get("op")) {
      case "send" -> send(docs.get(index(step, "from")), docs.get(index(step, "to")));
      case "syncAll" -> syncAll(docs);
      case "transact" -> {
        Doc d = docs.get(index(step, "doc"));
        YText t = YText.of(d, "t");
        d.transact(tx -> {
          for (Object op : asList(step.get("ops"))) {
            apply(t, asMap(op));
          }
        });
      }
      default -> apply(YText.of(docs.get(index(step, "doc")), "t"), step);
    }
  }

  private static void apply(YText t, Map<String, Object> op) {
    Map<String, Object> attrs = op.get("attrs") == null ? null : asMap(op.get("attrs"));
    switch ((String) op.get("op")) {
      case "insert" -> t.insert(index(op, "index"), (String) op.get("text"), attrs);
      case "delete" -> t.delete(index(op, "index"), index(op, "len"));
      case "format" -> t.format(index(op, "index"), index(op, "len"), attrs);
      case "embed" -> t.insertEmbed(index(op, "index"), op.get("embed"), attrs);
      case "applyDelta" -> t.applyDelta(delta(asList(op.get("delta"))));
      default -> throw new IllegalArgumentException("unknown op " + op);
    }
  }

  private static List<Delta> delta(List<Object> ops) {
    List<Delta> out = new ArrayList<>();
    for (Object o : ops) {
      Map<String, Object> op = asMap(o);
      Map<String, Object> attrs = op.get("attributes") == null ? null : asMap(op.get("attributes"));
      if (op.containsKey("insert")) {
        out.add(new Delta.Insert(op.get("insert"), attrs));
      } else if (op.containsKey("retain")) {
        out.add(new Delta.Retain(index(op, "retain"), attrs));
      } else {
        out.add(new Delta.Delete(index(op, "delete")));
      }
    }
    return out;
  }

  private static void send(Doc from, Doc to) {
    to.applyUpdate(from.encodeStateAsUpdate(to.encodeStateVector()));
  }

  private static void syncAll(List<Doc> docs) {
    for (Doc a : docs) {
      for (Doc b : docs) {
        if (a != b) {
          send(a, b);
        }
      }
    }
  }

  private static int index(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).intValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object o) {
    return (List<Object>) o;
  }
}
