package dev.weft.text.traces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.crdt.Doc;
import dev.weft.crdt.testing.Traces;
import dev.weft.text.YText;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every sequential editing trace into a YText, one transaction per patch with an update
 * listener on, and checks the end content; loads the full state into a fresh document and checks
 * it again (and that it re-encodes to the same bytes); and replays the emitted per-patch updates
 * into a second replica, as a remote peer would receive them.
 */
class SequentialTraceTest {
  /** Reported as skipped, with the reason, when WEFT_TRACES is not set. */
  @Test
  void tracesAreAvailable() throws Exception {
    assumeTrue(Traces.root() != null, Traces.MISSING);
    assertFalse(Traces.list("sequential").isEmpty(), "no sequential traces in " + Traces.root());
  }

  @TestFactory
  Stream<DynamicTest> everySequentialTrace_endsAtItsEndContent() throws Exception {
    List<Path> files = Traces.list("sequential"); // empty without WEFT_TRACES: see tracesAreAvailable
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
  }

  private static void replay(Path file) throws Exception {
    Traces.Trace trace = Traces.load(file);
    Doc doc = new Doc(1);
    Doc remote = new Doc(2);
    YText text = YText.of(doc, "text");
    YText remoteText = YText.of(remote, "text");
    long[] updateBytes = {0, 0};
    doc.onUpdate((u, o, t) -> {
      updateBytes[0] += u.length;
      updateBytes[1]++;
      remote.applyUpdate(u, "network");
    });
    long start = System.nanoTime();
    for (Traces.Txn txn : trace.txns()) {
      for (Traces.Patch p : txn.patches()) {
        doc.transact(t -> {
          if (p.delete() > 0) {
            text.delete(p.pos(), p.delete());
          }
          if (!p.insert().isEmpty()) {
            text.insert(p.pos(), p.insert());
          }
        });
      }
    }
    long replayed = System.nanoTime();
    assertEquals(trace.endContent(), text.toString(), trace.name());
    assertEquals(trace.endContent(), remoteText.toString(), trace.name() + " on the replica fed the updates");
    byte[] state = doc.encodeStateAsUpdate();
    long encoded = System.nanoTime();
    Doc loaded = new Doc(3);
    loaded.applyUpdate(state);
    long loadedAt = System.nanoTime();
    assertEquals(trace.endContent(), YText.of(loaded, "text").toString(), trace.name() + " loaded");
    assertArrayEquals(state, loaded.encodeStateAsUpdate(), trace.name() + " re-encoded");
    assertArrayEquals(state, remote.encodeStateAsUpdate(), trace.name() + " state of the replica fed the updates");
    System.out.printf("trace %s: %,d patches replayed (with a listening replica) in %d ms; %,d updates, %,d bytes; "
            + "state %,d bytes encoded in %d ms, loaded in %d ms%n", trace.name(), trace.patchCount(),
        (replayed - start) / 1_000_000, updateBytes[1], updateBytes[0], state.length, (encoded - replayed) / 1_000_000,
        (loadedAt - encoded) / 1_000_000);
  }
}
