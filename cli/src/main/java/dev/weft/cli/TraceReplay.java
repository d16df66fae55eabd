package dev.weft.cli;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.text.YText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One timed replay of an editing trace into YText root "text", then its full state encoded (v1 and
 * v2) and loaded as v1 into a fresh document. A sequential trace is replayed on one document, one
 * transaction per patch, with an update listener on. A concurrent trace gets one replica per agent
 * (client id = agent + 1): before a transaction its author applies the merged updates of the
 * ancestors it lacks, so it sees the document as the author did; the replay ends with a full sync
 * of all replicas, and replica 0 is encoded.
 */
final class TraceReplay {
  private TraceReplay() {}

  /** The figures of one run, in the order they are printed. */
  static Map<String, Object> run(TraceFile trace) {
    long start = System.nanoTime();
    List<Doc> replicas = trace.concurrent() ? concurrent(trace) : List.of(sequential(trace));
    double replayMs = millisSince(start);
    Doc doc = replicas.get(0);
    start = System.nanoTime();
    byte[] v1 = doc.encodeStateAsUpdate();
    double encodeMs = millisSince(start);
    byte[] v2 = doc.encodeStateAsUpdateV2();
    start = System.nanoTime();
    Doc loaded = new Doc(0);
    loaded.applyUpdate(v1);
    double loadMs = millisSince(start);
    String text = YText.of(loaded, "text").toString();
    boolean matches = text.equals(trace.endContent());
    for (Doc replica : replicas) {
      matches &= YText.of(replica, "text").toString().equals(trace.endContent());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("replayMs", round(replayMs));
    m.put("loadMs", round(loadMs));
    m.put("encodeMs", round(encodeMs));
    m.put("v1Bytes", v1.length);
    m.put("v2Bytes", v2.length);
    m.put("finalLength", text.length());
    m.put("matchesEndContent", matches);
    return m;
  }

  static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }

  private static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static Doc sequential(TraceFile trace) {
    Doc doc = new Doc(1);
    YText text = YText.of(doc, "text");
    long[] updateBytes = {0};
    doc.onUpdate((u, origin, tx) -> updateBytes[0] += u.length);
    int index = 0;
    for (TraceFile.Txn txn : trace.txns()) {
      for (TraceFile.Patch p : txn.patches()) {
        apply(doc, text, List.of(p), index++);
      }
    }
    return doc;
  }

  /** Applies {@code patches} in one transaction; a patch out of range is an input error. */
  private static void apply(Doc doc, YText text, List<TraceFile.Patch> patches, int index) {
    try {
      doc.transact(t -> {
        for (TraceFile.Patch p : patches) {
          if (p.delete() > 0) {
            text.delete(p.pos(), p.delete());
          }
          if (!p.insert().isEmpty()) {
            text.insert(p.pos(), p.insert());
          }
        }
      });
    } catch (IndexOutOfBoundsException e) {
      throw new InputException("patch or transaction " + index + " does not fit the document: " + e.getMessage());
    }
  }

  private static List<Doc> concurrent(TraceFile trace) {
    List<Doc> replicas = new ArrayList<>();
    List<BitSet> known = new ArrayList<>();
    for (int a = 0; a < trace.agents(); a++) {
      replicas.add(new Doc(a + 1));
      known.add(new BitSet());
    }
    byte[][] updates = new byte[trace.txns().size()][];
    for (int i = 0; i < trace.txns().size(); i++) {
      TraceFile.Txn txn = trace.txns().get(i);
      Doc doc = replicas.get(txn.agent());
      catchUp(doc, known.get(txn.agent()), txn.parents(), trace, updates);
      byte[][] emitted = {null};
      var sub = doc.onUpdate((u, o, t) -> emitted[0] = u);
      apply(doc, YText.of(doc, "text"), txn.patches(), i);
      sub.close();
      updates[i] = emitted[0] == null ? Updates.mergeUpdates(List.of()) : emitted[0];
      known.get(txn.agent()).set(i);
    }
    for (Doc a : replicas) {
      for (Doc b : replicas) {
        if (a != b) {
          b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()));
        }
      }
    }
    return replicas;
  }

  /** Merges and applies every ancestor of {@code parents} that the replica has not seen. */
  private static void catchUp(Doc doc, BitSet seen, List<Integer> parents, TraceFile trace, byte[][] updates) {
    BitSet missing = new BitSet();
    Deque<Integer> todo = new ArrayDeque<>(parents);
    while (!todo.isEmpty()) {
      int t = todo.pop();
      if (seen.get(t) || missing.get(t)) {
        continue;
      }
      missing.set(t);
      todo.addAll(trace.txns().get(t).parents());
    }
    if (missing.isEmpty()) {
      return;
    }
    List<byte[]> batch = new ArrayList<>();
    for (int t = missing.nextSetBit(0); t >= 0; t = missing.nextSetBit(t + 1)) {
      batch.add(updates[t]);
      seen.set(t);
    }
    doc.applyUpdate(batch.size() == 1 ? batch.get(0) : Updates.mergeUpdates(batch));
  }
}
