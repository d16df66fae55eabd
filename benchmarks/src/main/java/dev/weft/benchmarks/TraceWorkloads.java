package dev.weft.benchmarks;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.crdt.testing.Traces;
import dev.weft.text.YText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * The editing-trace workloads, on Weft's public API:
 * <ul>
 *   <li>local replay: every patch of a sequential trace as one transaction on a YText, with an
 *       update listener on (as an editor that sends its updates would run);
 *   <li>load: the full state as one v1 update applied to a fresh document; encode: the full
 *       state as v1 and v2;
 *   <li>remote apply: the per-patch updates of a trace written by many clients in turn (the
 *       author's client id rotates every patch), applied one by one to a fresh document;
 *   <li>concurrent merge: a concurrent trace replayed with one replica per agent, each catching up
 *       on the merged updates of a transaction's ancestors before applying it, then a full sync;
 *   <li>a {@code StringBuilder} replay as the floor any text structure is measured against.
 * </ul>
 */
final class TraceWorkloads {
  /** Clients taking turns in the remote-apply workload. */
  static final int REMOTE_CLIENTS = 64;

  private TraceWorkloads() {}

  /** A replayed document and what its listener saw. */
  record Replay(Doc doc, long updates, long updateBytes) {}

  static Replay localReplay(Traces.Trace trace) {
    Doc doc = new Doc(1);
    YText text = YText.of(doc, "text");
    long[] seen = {0, 0};
    doc.onUpdate((u, origin, tx) -> {
      seen[0]++;
      seen[1] += u.length;
    });
    for (Traces.Txn txn : trace.txns()) {
      for (Traces.Patch p : txn.patches()) {
        doc.transact(t -> apply(text, p));
      }
    }
    return new Replay(doc, seen[0], seen[1]);
  }

  private static void apply(YText text, Traces.Patch p) {
    if (p.delete() > 0) {
      text.delete(p.pos(), p.delete());
    }
    if (!p.insert().isEmpty()) {
      text.insert(p.pos(), p.insert());
    }
  }

  static String text(Doc doc) {
    return YText.of(doc, "text").toString();
  }

  static Doc load(byte[] v1) {
    Doc doc = new Doc(2);
    doc.applyUpdate(v1);
    return doc;
  }

  static String stringBuilderReplay(Traces.Trace trace) {
    StringBuilder sb = new StringBuilder();
    for (Traces.Txn txn : trace.txns()) {
      for (Traces.Patch p : txn.patches()) {
        if (p.delete() > 0) {
          sb.delete(p.pos(), p.pos() + p.delete());
        }
        sb.insert(p.pos(), p.insert());
      }
    }
    return sb.toString();
  }

  /** The per-patch updates of {@code trace} written by {@link #REMOTE_CLIENTS} clients in turn. */
  static List<byte[]> manyClientUpdates(Traces.Trace trace) {
    Doc doc = new Doc(1);
    YText text = YText.of(doc, "text");
    List<byte[]> updates = new ArrayList<>();
    doc.onUpdate((u, origin, tx) -> updates.add(u));
    int i = 0;
    for (Traces.Txn txn : trace.txns()) {
      for (Traces.Patch p : txn.patches()) {
        doc.setClientId(1 + i++ % REMOTE_CLIENTS);
        doc.transact(t -> apply(text, p));
      }
    }
    return updates;
  }

  static Doc remoteApply(List<byte[]> updates) {
    Doc doc = new Doc(1000);
    for (byte[] u : updates) {
      doc.applyUpdate(u);
    }
    return doc;
  }

  /** Replays a concurrent trace with one replica per agent; returns the replicas after a full sync. */
  static List<Doc> concurrentMerge(Traces.Trace trace) {
    int agents = trace.agents();
    List<Doc> replicas = new ArrayList<>();
    List<BitSet> known = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      replicas.add(new Doc(a + 1));
      known.add(new BitSet());
    }
    byte[][] updates = new byte[trace.txns().size()][];
    for (int i = 0; i < trace.txns().size(); i++) {
      Traces.Txn txn = trace.txns().get(i);
      Doc doc = replicas.get(txn.agent());
      catchUp(doc, known.get(txn.agent()), txn.parents(), trace, updates);
      YText text = YText.of(doc, "text");
      byte[][] emitted = {null};
      var sub = doc.onUpdate((u, o, t) -> emitted[0] = u);
      doc.transact(t -> txn.patches().forEach(p -> apply(text, p)));
      sub.close();
      updates[i] = emitted[0] == null ? new byte[] {0, 0} : emitted[0];
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

  private static void catchUp(Doc doc, BitSet seen, List<Integer> parents, Traces.Trace trace, byte[][] updates) {
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
