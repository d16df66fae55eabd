package dev.weft.text.golden;

import static dev.weft.crdt.golden.Golden.hex;
import static dev.weft.crdt.golden.Golden.integer;
import static dev.weft.crdt.golden.Golden.list;
import static dev.weft.crdt.golden.Golden.map;
import static dev.weft.crdt.golden.Golden.str;
import static dev.weft.crdt.golden.Golden.unhex;

import dev.weft.crdt.Doc;
import dev.weft.crdt.RelativePosition;
import dev.weft.crdt.SharedType;
import dev.weft.crdt.Snapshot;
import dev.weft.crdt.StackItemEvent;
import dev.weft.crdt.UndoManager;
import dev.weft.text.YText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plays one editor scenario ({@code interop/editor/README.md}) through Weft and records, step by
 * step, the same observations {@code interop/editor/generate.mjs} records with yjs.
 */
final class EditorScenario {
  private final Map<String, Object> roots;
  private boolean restored;
  private final Map<String, Doc> docs = new LinkedHashMap<>();
  private final List<UndoManager> managers = new ArrayList<>();
  private final Map<String, RelativePosition> positions = new TreeMap<>();
  private final Map<String, Snapshot> snapshots = new TreeMap<>();
  private final long[] now = {1000};
  private List<Object> events = new ArrayList<>();
  private int stepIndex = -1;

  EditorScenario(Map<String, Object> scenario) {
    this.roots = map(scenario.get("roots"));
    for (Object p : list(scenario.get("peers"))) {
      Map<String, Object> peer = map(p);
      Doc doc = new Doc(((Number) peer.get("clientId")).longValue());
      doc.setGc(!Boolean.FALSE.equals(peer.get("gc")));
      docs.put(str(peer.get("name")), doc);
      stateOf(doc);
    }
    List<Object> specs = scenario.containsKey("managers") ? list(scenario.get("managers")) : List.of();
    for (int i = 0; i < specs.size(); i++) {
      managers.add(manager(i, map(specs.get(i))));
    }
  }

  ScenarioOps ops(String peer) {
    return new ScenarioOps(docs.get(peer), roots);
  }

  Doc doc(String peer) {
    return docs.get(peer);
  }

  private UndoManager manager(int index, Map<String, Object> spec) {
    Doc doc = docs.get(str(spec.get("peer")));
    UndoManager.Builder b;
    if ("doc".equals(spec.get("scope"))) {
      b = UndoManager.builder(doc);
    } else {
      ScenarioOps ops = new ScenarioOps(doc, roots);
      List<SharedType> scope = new ArrayList<>();
      for (Object path : list(spec.get("scope"))) {
        scope.add(ops.resolve(list(path)));
      }
      b = UndoManager.builder(scope.toArray(SharedType[]::new));
    }
    b.clock(() -> now[0]);
    if (spec.containsKey("captureTimeout")) {
      b.captureTimeout(integer(spec.get("captureTimeout")));
    }
    if (spec.containsKey("trackedOrigins")) {
      b.trackedOrigins(new HashSet<>(list(spec.get("trackedOrigins"))));
    }
    if (Boolean.TRUE.equals(spec.get("ignoreRemoteMapChanges"))) {
      b.ignoreRemoteMapChanges(true);
    }
    if ("keepTypes".equals(spec.get("deleteFilter"))) {
      b.deleteFilter(c -> !(c.content().get(0) instanceof SharedType));
    }
    UndoManager um = b.build();
    um.onStackItemAdded(e -> {
      e.stackItem().meta().put("step", stepIndex);
      events.add(event(index, "added", e, doc, um, false));
    });
    um.onStackItemUpdated(e -> events.add(event(index, "updated", e, doc, um, true)));
    um.onStackItemPopped(e -> events.add(event(index, "popped", e, doc, um, true)));
    um.onStackCleared(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("manager", index);
      m.put("event", "cleared");
      m.put("undo", e.undoStackCleared());
      m.put("redo", e.redoStackCleared());
      events.add(m);
    });
    return um;
  }

  private static Map<String, Object> event(int index, String name, StackItemEvent e, Doc doc, UndoManager um,
      boolean withStep) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("manager", index);
    m.put("event", name);
    m.put("kind", e.kind() == StackItemEvent.Kind.UNDO ? "undo" : "redo");
    if (!name.equals("popped")) {
      m.put("origin", e.origin() == um ? "manager" : e.origin());
    }
    if (withStep) {
      m.put("step", e.stackItem().meta().get("step"));
    }
    TreeSet<String> changed = new TreeSet<>();
    for (SharedType t : e.changedParentTypes()) {
      if (t.parent() == null) {
        for (String n : doc.rootNames()) {
          if (doc.get(n) == t) {
            changed.add(n);
          }
        }
      }
    }
    m.put("changed", new ArrayList<>(changed));
    return m;
  }

  /** Runs step {@code index} and returns what it observed. */
  Map<String, Object> step(int index, Map<String, Object> step) {
    stepIndex = index;
    events = new ArrayList<>();
    Map<String, Object> out = new LinkedHashMap<>();
    if (step.containsKey("ops")) {
      String peer = str(step.get("peer"));
      ScenarioOps ops = ops(peer);
      docs.get(peer).transact(tx -> list(step.get("ops")).forEach(op -> ops.apply(map(op))), step.get("origin"));
    } else if (step.containsKey("tick")) {
      now[0] += integer(step.get("tick"));
    } else if (step.containsKey("undo")) {
      out.put("result", managers.get(integer(step.get("undo"))).undo() != null);
    } else if (step.containsKey("redo")) {
      out.put("result", managers.get(integer(step.get("redo"))).redo() != null);
    } else if (step.containsKey("stopCapturing")) {
      managers.get(integer(step.get("stopCapturing"))).stopCapturing();
    } else if (step.containsKey("clear")) {
      managers.get(integer(step.get("clear"))).clear();
    } else if (step.containsKey("sync")) {
      List<Object> peers = list(step.get("sync"));
      for (Object from : peers) {
        for (Object to : peers) {
          if (!from.equals(to)) {
            Doc t = docs.get(str(to));
            t.applyUpdate(docs.get(str(from)).encodeStateAsUpdate(t.encodeStateVector()), "remote");
          }
        }
      }
    } else if (step.containsKey("position")) {
      SharedType t = ops(str(step.get("peer"))).resolve(list(step.get("at")));
      int assoc = step.containsKey("assoc") ? integer(step.get("assoc")) : 0;
      RelativePosition rpos = RelativePosition.fromIndex(t, integer(step.get("index")), assoc);
      positions.put(str(step.get("position")), rpos);
      out.put("encoded", hex(rpos.encode()));
      out.put("json", rpos.toJsonString());
    } else if (step.containsKey("resolve")) {
      Doc doc = docs.get(str(step.get("resolve")));
      Map<String, Object> all = new LinkedHashMap<>();
      positions.forEach((name, rpos) -> {
        RelativePosition decoded = RelativePosition.decode(rpos.encode());
        RelativePosition fromJson = RelativePosition.fromJson(rpos.toJsonString());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("follow", absolute(doc, rpos.toAbsolute(doc, true)));
        m.put("noFollow", absolute(doc, rpos.toAbsolute(doc, false)));
        m.put("decoded", absolute(doc, decoded.toAbsolute(doc)));
        m.put("fromJson", absolute(doc, fromJson.toAbsolute(doc)));
        m.put("sameAfterRoundTrip", rpos.equals(decoded) && rpos.equals(fromJson));
        all.put(name, m);
      });
      out.put("positions", all);
    } else if (step.containsKey("decodePosition")) {
      out.put("json", RelativePosition.decode(unhex(str(step.get("decodePosition")))).toJsonString());
    } else if (step.containsKey("snapshot")) {
      Snapshot snap = Snapshot.of(docs.get(str(step.get("peer"))));
      snapshots.put(str(step.get("snapshot")), snap);
      // a restore writes under a random client id, so later snapshots differ in that id
      out.put("encoded", restored ? "(random client id)" : hex(snap.encode()));
      Map<String, Object> equal = new LinkedHashMap<>();
      snapshots.forEach((name, s) -> equal.put(name, Snapshot.equalSnapshots(snap, s)));
      out.put("equal", equal);
    } else if (step.containsKey("render")) {
      Doc doc = docs.get(str(step.get("render")));
      Snapshot snap = snapshots.get(str(step.get("at")));
      Snapshot prev = step.containsKey("prev") ? snapshots.get(str(step.get("prev"))) : null;
      Map<String, Object> old = stateOf(Snapshot.createDocFromSnapshot(doc, snap));
      out.put("state", old);
      // reading each type at the snapshot in place gives what the rebuilt document holds
      ScenarioOps here = new ScenarioOps(doc, roots);
      for (String name : roots.keySet()) {
        SharedType t = here.root(name);
        if (!(t instanceof dev.weft.text.YXmlFragment)) {
          org.junit.jupiter.api.Assertions.assertEquals(
              dev.weft.crdt.golden.Golden.canonical(dev.weft.crdt.golden.Golden.toTagged(map(old.get(name)).get("json"))),
              dev.weft.crdt.golden.Golden.canonical(dev.weft.crdt.golden.Golden.toTagged(t.toJson(snap))),
              name + ".toJson(snapshot)");
        }
      }
      Map<String, Object> deltas = new LinkedHashMap<>();
      if (step.containsKey("texts")) {
        ScenarioOps ops = new ScenarioOps(doc, roots);
        for (Object p : list(step.get("texts"))) {
          List<Object> path = list(p);
          YText t = (YText) ops.resolve(path);
          deltas.put(String.join("/", path.stream().map(String::valueOf).toList()),
              ScenarioOps.deltaJson(prev == null ? t.toDelta(snap) : t.toDelta(snap, prev)));
        }
      }
      out.put("deltas", deltas);
    } else if (step.containsKey("restore")) {
      Snapshot.restore(docs.get(str(step.get("restore"))), snapshots.get(str(step.get("at"))), "restore");
      restored = true;
    } else {
      throw new IllegalArgumentException("unknown step " + step);
    }
    Map<String, Object> states = new LinkedHashMap<>();
    docs.forEach((name, doc) -> states.put(name, stateOf(doc)));
    out.put("states", states);
    if (!managers.isEmpty()) {
      List<Object> stacks = new ArrayList<>();
      for (UndoManager um : managers) {
        stacks.add(List.of(um.undoStack().size(), um.redoStack().size()));
      }
      out.put("stacks", stacks);
      out.put("events", events);
    }
    return out;
  }

  /** Each root's JSON (and, for text, its delta), as generate.mjs's {@code stateOf}. */
  Map<String, Object> stateOf(Doc doc) {
    ScenarioOps ops = new ScenarioOps(doc, roots);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : roots.keySet()) {
      SharedType t = ops.root(name);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("json", t.toJson());
      if (t instanceof YText text) {
        d.put("delta", ScenarioOps.deltaJson(text.toDelta()));
      }
      out.put(name, d);
    }
    return out;
  }

  private static Object absolute(Doc doc, RelativePosition.AbsolutePosition abs) {
    if (abs == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    SharedType t = abs.type();
    if (t.parent() == null && !t.isDeleted()) {
      for (String n : doc.rootNames()) {
        if (doc.get(n) == t) {
          m.put("root", n);
        }
      }
    }
    if (!m.containsKey("root")) {
      RelativePosition.ItemId id = RelativePosition.fromIndex(t, 0, -1).type();
      m.put("type", Map.of("client", id.client(), "clock", id.clock()));
    }
    m.put("index", abs.index());
    m.put("assoc", abs.assoc());
    return m;
  }

  /** The update of each peer's whole state. */
  Map<String, String> finalUpdates() {
    Map<String, String> out = new LinkedHashMap<>();
    docs.forEach((name, doc) -> out.put(name, hex(doc.encodeStateAsUpdate())));
    return out;
  }
}
