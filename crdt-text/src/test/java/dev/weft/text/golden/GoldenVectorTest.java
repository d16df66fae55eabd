package dev.weft.text.golden;

import static dev.weft.crdt.golden.Golden.assertBytes;
import static dev.weft.crdt.golden.Golden.assertUpdate;
import static dev.weft.crdt.golden.Golden.assertValue;
import static dev.weft.crdt.golden.Golden.hex;
import static dev.weft.crdt.golden.Golden.integer;
import static dev.weft.crdt.golden.Golden.list;
import static dev.weft.crdt.golden.Golden.longValue;
import static dev.weft.crdt.golden.Golden.map;
import static dev.weft.crdt.golden.Golden.str;
import static dev.weft.crdt.golden.Golden.unhex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.weft.crdt.Doc;
import dev.weft.crdt.SharedType;
import dev.weft.crdt.Updates;
import dev.weft.crdt.golden.Golden;
import dev.weft.text.YText;
import dev.weft.text.YXmlFragment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every golden scenario (recorded from the real {@code yjs} by
 * {@code interop/golden/generate.mjs}, format in {@code interop/golden/README.md}) through Weft's
 * public API and compares the bytes: each transaction's update, the encoded state, the state
 * vector and the content; for several replicas the exchanged updates and the merged result; and
 * the byte functions of {@link Updates} on the recorded updates.
 *
 * <p>Each scenario is a container of independent checks, so one divergence (say, in
 * {@code mergeUpdates}) does not hide the others.
 */
class GoldenVectorTest {
  private static final Map<String, Object> INDEX = map(Golden.load("/golden/index.json"));

  @TestFactory
  Stream<DynamicContainer> scenarios() {
    return list(INDEX.get("scenarios")).stream().map(path -> {
      Map<String, Object> s = map(Golden.load("/golden/" + str(path)));
      String name = str(s.get("name"));
      List<DynamicNode> checks = new ArrayList<>();
      if ("local".equals(s.get("kind"))) {
        checks.add(dynamicTest("local transactions", () -> replayLocal(s)));
        checks.add(dynamicTest("reload from the final update", () -> reload(s)));
      } else {
        checks.add(dynamicTest("peers exchanging updates", () -> replayRemote(s)));
        checks.add(dynamicTest("fresh documents applying updates out of order", () -> replays(s)));
      }
      checks.add(dynamicTest("mergeUpdates", () -> merges(s)));
      checks.add(dynamicTest("diffUpdate", () -> diffs(s)));
      checks.add(dynamicTest("encodeStateVectorFromUpdate", () -> stateVectorsFromUpdate(s)));
      return dynamicContainer(name + ": " + s.get("description"), checks.stream());
    });
  }

  @Test
  void index_listsTheScenarioFiles() {
    List<Object> files = list(INDEX.get("scenarios"));
    assertFalse(files.isEmpty(), "no scenarios");
    assertEquals(files.size(), new HashSet<>(files).size(), "duplicate scenario files");
  }

  // ---------------------------------------------------------------------------------------------

  private static Doc newDoc(Object clientId, Object gc) {
    Doc doc = new Doc(longValue(clientId));
    doc.setGc((Boolean) gc);
    return doc;
  }

  /** Runs a list of ops as one transaction and returns the local updates it emitted. */
  private static List<byte[]> transaction(Doc doc, ScenarioOps ops, List<Object> opList) {
    List<byte[]> updates = new ArrayList<>();
    var subscription = doc.onUpdate((update, origin, t) -> {
      if (t.isLocal()) {
        updates.add(update);
      }
    });
    try {
      doc.transact(t -> opList.forEach(op -> ops.apply(map(op))));
    } finally {
      subscription.close();
    }
    return updates;
  }

  private static void assertUpdates(String what, Object expected, List<byte[]> actual) {
    List<Object> want = list(expected);
    for (int i = 0; i < Math.min(want.size(), actual.size()); i++) {
      assertUpdate(what + ", update event " + i, str(want.get(i)), actual.get(i));
    }
    assertEquals(want.size(), actual.size(), what + ": number of update events");
  }

  /** Compares a document with a recorded state: encoded state, state vector and content. */
  private static void assertState(String what, Map<String, Object> expected, Doc doc, Map<String, Object> roots,
      Object probes) {
    ScenarioOps ops = new ScenarioOps(doc, roots);
    Map<String, Object> content = map(expected.get("roots"));
    for (String root : content.keySet()) {
      assertContent(what + ", root '" + root + "'", map(content.get(root)), ops.root(root));
    }
    if (probes != null) {
      for (Object p : list(expected.get("probes"))) {
        Map<String, Object> probe = map(p);
        assertContent(what + ", probe " + probe.get("path"), probe, ops.resolve(list(probe.get("path"))));
      }
    }
    assertBytes(what + ", encodeStateVector", str(expected.get("stateVector")), doc.encodeStateVector());
    assertUpdate(what + ", encodeStateAsUpdate", str(expected.get("update")), doc.encodeStateAsUpdate());
  }

  private static void assertContent(String what, Map<String, Object> expected, SharedType t) {
    if (t instanceof YText || t instanceof YXmlFragment) {
      // toJSON() of Yjs text and XML types is their string form
      assertEquals(withoutLoneSurrogates(expected.get("json")), t.toString(), () -> what + " as a string: "
          + hex(t.toString().getBytes(java.nio.charset.StandardCharsets.UTF_16BE)));
    } else {
      assertValue(what + " as JSON", withoutLoneSurrogates(expected.get("json")), t.toJson());
    }
    if (expected.containsKey("delta")) {
      assertValue(what + " as a delta", withoutLoneSurrogates(expected.get("delta")),
          ScenarioOps.deltaJson(((YText) t).toDelta()));
    }
  }

  /**
   * Yjs keeps a lone surrogate of locally inserted text in memory while every other replica
   * receives U+FFFD (UTF-8 cannot carry it). Weft stores U+FFFD at once, so the inserting replica
   * reads what everyone else reads; the bytes sent are the same. Expected content is compared
   * with that substitution.
   */
  private static Object withoutLoneSurrogates(Object v) {
    if (v instanceof String s) {
      return dev.weft.crdt.internal.StringContent.withoutLoneSurrogates(s);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new java.util.ArrayList<>();
      l.forEach(x -> out.add(withoutLoneSurrogates(x)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, withoutLoneSurrogates(x)));
      return out;
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // Local scenarios

  private static void replayLocal(Map<String, Object> s) {
    Map<String, Object> roots = map(s.get("roots"));
    Doc doc = newDoc(s.get("clientId"), s.get("gc"));
    ScenarioOps ops = new ScenarioOps(doc, roots);
    List<Object> transactions = list(s.get("transactions"));
    for (int i = 0; i < transactions.size(); i++) {
      Map<String, Object> t = map(transactions.get(i));
      String what = "transaction " + i + " " + t.get("ops");
      assertUpdates(what, t.get("updates"), transaction(doc, ops, list(t.get("ops"))));
      assertBytes(what + ", state vector", str(t.get("stateVector")), doc.encodeStateVector());
    }
    assertState("final state", map(s.get("final")), doc, roots, s.get("probes"));
  }

  private static void reload(Map<String, Object> s) {
    Map<String, Object> roots = map(s.get("roots"));
    Map<String, Object> reload = map(s.get("reload"));
    Doc doc = newDoc(4242, s.get("gc"));
    doc.applyUpdate(unhex(str(map(s.get("final")).get("update"))));
    assertState("document loaded from the final update", reload, doc, roots, s.get("probes"));
  }

  // ---------------------------------------------------------------------------------------------
  // Remote scenarios

  private static final class Peer {
    final Doc doc;
    final ScenarioOps ops;
    final Set<Integer> has = new HashSet<>();

    Peer(Map<String, Object> spec, Map<String, Object> roots) {
      doc = newDoc(spec.get("clientId"), spec.get("gc"));
      ops = new ScenarioOps(doc, roots);
    }
  }

  private static void replayRemote(Map<String, Object> s) {
    Map<String, Object> roots = map(s.get("roots"));
    Map<String, Peer> peers = new LinkedHashMap<>();
    for (Object p : list(s.get("peers"))) {
      peers.put(str(map(p).get("name")), new Peer(map(p), roots));
    }
    // The exchanged updates are the recorded ones, so a difference in one local update is
    // reported where it happens and does not cascade.
    List<byte[]> updates = new ArrayList<>();
    List<Object> steps = list(s.get("steps"));
    for (int i = 0; i < steps.size(); i++) {
      Map<String, Object> step = map(steps.get(i));
      String what = "step " + i;
      if (step.containsKey("ops")) {
        Peer p = peers.get(str(step.get("peer")));
        what += " (peer " + step.get("peer") + " runs " + step.get("ops") + ")";
        assertUpdates(what, step.get("updates"), transaction(p.doc, p.ops, list(step.get("ops"))));
        for (Object u : list(step.get("updates"))) {
          p.has.add(updates.size());
          updates.add(unhex(str(u)));
        }
      } else if (step.containsKey("sync")) {
        Set<Integer> union = new TreeSet<>();
        for (Object name : list(step.get("sync"))) {
          union.addAll(peers.get(str(name)).has);
        }
        for (Object name : list(step.get("sync"))) {
          Peer p = peers.get(str(name));
          for (int u : union) {
            if (p.has.add(u)) {
              p.doc.applyUpdate(updates.get(u), "remote");
            }
          }
        }
      } else if (step.containsKey("deliver")) {
        Peer p = peers.get(str(step.get("deliver")));
        for (Object u : list(step.get("updates"))) {
          p.doc.applyUpdate(updates.get(integer(u)), "remote");
          p.has.add(integer(u));
        }
      } else if (step.containsKey("snapshot")) {
        assertState(what + " (snapshot of peer " + step.get("snapshot") + ")", map(step.get("state")),
            peers.get(str(step.get("snapshot"))).doc, roots, s.get("probes"));
      } else {
        throw new IllegalArgumentException("unknown step " + step);
      }
    }
    Map<String, Object> finals = map(s.get("final"));
    for (Map.Entry<String, Peer> e : peers.entrySet()) {
      assertState("final state of peer " + e.getKey(), map(finals.get(e.getKey())), e.getValue().doc, roots,
          s.get("probes"));
    }
  }

  private static void replays(Map<String, Object> s) {
    Map<String, Object> roots = map(s.get("roots"));
    List<Object> updates = list(s.get("updates"));
    for (Object r : list(s.get("replays"))) {
      Map<String, Object> replay = map(r);
      Doc doc = newDoc(replay.get("clientId"), replay.get("gc"));
      for (Object i : list(replay.get("apply"))) {
        doc.applyUpdate(unhex(str(updates.get(integer(i)))), "remote");
      }
      assertState("replay '" + replay.get("name") + "' applying updates " + replay.get("apply"),
          map(replay.get("final")), doc, roots, s.get("probes"));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Byte functions

  private static void merges(Map<String, Object> s) {
    for (Object m : list(s.get("merges"))) {
      List<byte[]> inputs = new ArrayList<>();
      for (Object u : list(map(m).get("inputs"))) {
        inputs.add(unhex(str(u)));
      }
      assertUpdate("mergeUpdates of " + inputs.size() + " updates", str(map(m).get("output")),
          Updates.mergeUpdates(inputs));
    }
  }

  private static void diffs(Map<String, Object> s) {
    for (Object d : list(s.get("diffs"))) {
      Map<String, Object> diff = map(d);
      byte[] update = unhex(str(diff.get("update")));
      String sv = str(diff.get("stateVector"));
      assertUpdate("diffUpdate(update of " + update.length + " bytes, state vector " + sv + ")",
          str(diff.get("output")), Updates.diffUpdate(update, unhex(sv)));
    }
  }

  private static void stateVectorsFromUpdate(Map<String, Object> s) {
    for (Object v : list(s.get("stateVectorsFromUpdate"))) {
      byte[] update = unhex(str(map(v).get("update")));
      assertBytes("encodeStateVectorFromUpdate(" + hex(update) + ")", str(map(v).get("output")),
          Updates.encodeStateVectorFromUpdate(update));
    }
  }
}
