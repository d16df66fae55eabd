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
 * listener on, and checks the end content; then loads the full state into a fresh document.
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
    long[] updateBytes = {0};
    doc.onUpdate((u, o, t) -> updateBytes[0] += u.length);
    YText text = YText.of(doc, "text");
    for (Traces.Txn txn : trace.txns()) {
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
    }
    assertEquals(trace.endContent(), text.toString(), trace.name());
    byte[] state = doc.encodeStateAsUpdate();
    Doc loaded = new Doc(2);
    loaded.applyUpdate(state);
    assertEquals(trace.endContent(), YText.of(loaded, "text").toString(), trace.name() + " loaded");
    assertArrayEquals(state, loaded.encodeStateAsUpdate(), trace.name() + " re-encoded");
  }
}
