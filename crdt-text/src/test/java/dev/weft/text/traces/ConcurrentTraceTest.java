package dev.weft.text.traces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.crdt.testing.Traces;
import dev.weft.text.YText;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every concurrent trace with one replica per agent (client id = agent + 1): before an
 * agent applies a transaction, the updates of the transaction's parents and their ancestors that
 * its replica lacks are merged ({@code Updates.mergeUpdates}) and applied, so it sees the document
 * as the author did. After a final full sync every replica must hold the trace's end content,
 * with equal state vectors and byte-identical full states.
 */
class ConcurrentTraceTest {
  /** Reported as skipped, with the reason, when WEFT_TRACES is not set. */
  @Test
  void tracesAreAvailable() throws Exception {
    assumeTrue(Traces.root() != null, Traces.MISSING);
    assertFalse(Traces.list("concurrent").isEmpty(), "no concurrent traces in " + Traces.root());
  }

  @TestFactory
  Stream<DynamicTest> everyConcurrentTrace_convergesToItsEndContent() throws Exception {
    List<Path> files = Traces.list("concurrent"); // empty without WEFT_TRACES: see tracesAreAvailable
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
  }

  private static void replay(Path file) throws Exception {
    Traces.Trace trace = Traces.load(file);
    long start = System.nanoTime();
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
      List<byte[]> emitted = new ArrayList<>();
      var sub = doc.onUpdate((u, o, t) -> emitted.add(u));
      doc.transact(t -> {
        for (Traces.Patch p : txn.patches()) {
          if (p.delete() > 0) {
            text.delete(p.pos(), p.delete());
          }
          if (!p.insert().isEmpty()) {
            text.insert(p.pos(), p.insert());
          }
        }
      });
      sub.close();
      updates[i] = emitted.isEmpty() ? new byte[] {0, 0} : emitted.get(0);
      known.get(txn.agent()).set(i);
    }
    for (Doc a : replicas) {
      for (Doc b : replicas) {
        if (a != b) {
          b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()));
        }
      }
    }
    long synced = System.nanoTime();
    byte[] state = replicas.get(0).encodeStateAsUpdate();
    for (int a = 0; a < agents; a++) {
      assertEquals(trace.endContent(), YText.of(replicas.get(a), "text").toString(), trace.name() + " agent " + a);
      assertArrayEquals(replicas.get(0).encodeStateVector(), replicas.get(a).encodeStateVector(), "state vector of agent " + a);
      assertArrayEquals(state, replicas.get(a).encodeStateAsUpdate(), "full state of agent " + a);
    }
    System.out.printf("trace %s: %,d txns, %,d patches, %d agents replayed and synced in %d ms; state %,d bytes%n",
        trace.name(), trace.txns().size(), trace.patchCount(), agents, (synced - start) / 1_000_000, state.length);
  }

  /** Merges and applies every ancestor of {@code parents} that the replica has not seen. */
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
