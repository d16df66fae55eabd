package dev.weft.text.differential;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.text.differential.Checks.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks the delivery of a failing Weft-to-Yjs scenario to a minimal list of updates on which
 * Weft and Yjs, applying them in the same order, still end with different content, and prints
 * them. Not a test; run by hand after {@code ./mvnw -B -pl crdt-core,crdt-text install -DskipTests}:
 *
 * <pre>{@code
 * ./mvnw -q -B -pl crdt-text exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.weft.text.differential.DivergenceMinimizer -Dexec.args=SEED
 * }</pre>
 */
public final class DivergenceMinimizer {
  private DivergenceMinimizer() {}

  public static void main(String[] args) throws Exception {
    long seed = Long.parseLong(args[0]);
    WeftToYjsDifferentialTest.startNode();
    try {
      WeftToYjsDifferentialTest test = new WeftToYjsDifferentialTest();
      try {
        test.scenario(seed);
      } catch (AssertionError e) {
        System.out.println("seed " + seed + " fails: " + e.getMessage().lines().findFirst().orElse(""));
      }
      NodeDriver yjs = WeftToYjsDifferentialTest.driver();
      if (!differs(yjs, test.lastOrder)) {
        System.out.println("Weft and Yjs end with the same content after this scenario's delivery");
        return;
      }
      List<Versioned> min = shrink(test.lastOrder, order -> differs(yjs, order));
      System.out.println("minimal delivery: " + min.size() + " updates");
      for (Versioned v : min) {
        byte[] v1 = v.v() == 2 ? Updates.convertUpdateFormatV2ToV1(v.u()) : v.u();
        System.out.println("update v" + v.v() + " " + State.hex(v.u()) + "\n  as v1 " + State.hex(v1) + "\n" + Updates.describe(v1));
      }
      Doc weft = State.receiver();
      Checks.applyAll(weft, min);
      System.out.println("weft " + State.of(weft).content());
      System.out.println("yjs  " + State.of(yjs.call("apply", "updates", Checks.json(min))).content());
    } finally {
      WeftToYjsDifferentialTest.stopNode();
    }
  }

  private static boolean differs(NodeDriver yjs, List<Versioned> order) {
    Doc weft = State.receiver();
    Checks.applyAll(weft, order);
    return !State.of(weft).sameContent(State.of(yjs.call("apply", "updates", Checks.json(order))));
  }

  /** Removes single updates while the failure persists (greedy, to a one-minimal list). */
  static List<Versioned> shrink(List<Versioned> order, Predicate<List<Versioned>> fails) {
    List<Versioned> current = new ArrayList<>(order);
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = current.size() - 1; i >= 0; i--) {
        List<Versioned> candidate = new ArrayList<>(current);
        candidate.remove(i);
        if (fails.test(candidate)) {
          current = candidate;
          progress = true;
        }
      }
    }
    return current;
  }
}
