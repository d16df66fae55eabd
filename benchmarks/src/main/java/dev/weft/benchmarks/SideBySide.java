package dev.weft.benchmarks;

import dev.weft.crdt.Doc;
import dev.weft.crdt.encoding.Json;
import dev.weft.crdt.testing.Traces;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Weft half of the side-by-side comparison ({@code benchmarks/run-side-by-side.sh}); the other
 * half is {@code benchmarks/js/run.mjs}, which runs the same workloads on Yjs and diamond-types.
 * Prints one JSON line per measured run; a round marked {@code "warmup":true} is not counted.
 *
 * <pre>
 * java -cp benchmarks.jar dev.weft.benchmarks.SideBySide [crdt] [traces] [heap] [flatten] [b4x100]
 *     [b4x100-large-heap] [--rounds R] [--warmup W] [--flattened FILE]
 * </pre>
 * {@code crdt}: B1-B4 of crdt-benchmarks; {@code traces}: every trace under {@code WEFT_TRACES};
 * {@code heap}: retained heap of the loaded automerge-paper document; {@code flatten}: saves the
 * automerge-paper patches to FILE (default {@code target/automerge-paper.patches}); {@code b4x100}:
 * B4 and B4x100 once each over FILE (run it in a JVM of its own, e.g. with {@code -Xmx64m});
 * {@code b4x100-large-heap}: the same, reported apart, for a JVM whose heap does not limit it (the
 * time ratio of B4x100 to B4 without the memory limit). Encoding and loading a trace's document are
 * timed {@link #SHORT_REPEATS} times per round.
 */
public final class SideBySide {
  private static final String AUTOMERGE_PAPER = "automerge-paper";
  /** B4 takes seconds per run on Yjs, so it runs in this many measured rounds (not in warm-up). */
  private static final int B4_ROUNDS = 2;
  /**
   * Likewise the concurrent traces (Yjs takes seconds to merge clownschool); no warm-up round, as
   * they run after the sequential traces have warmed the same code.
   */
  private static final int CONCURRENT_ROUNDS = 2;
  /**
   * Encoding and loading a trace's document take a few milliseconds, too short for one timing to
   * say much: each round times each of them this many times and reports the median (and the first).
   */
  static final int SHORT_REPEATS = 9;

  private SideBySide() {}

  public static void main(String[] args) throws IOException {
    List<String> parts = new ArrayList<>();
    int rounds = 5;
    int warmup = 1;
    String flattened = "target/automerge-paper.patches";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--flattened" -> flattened = args[++i];
        default -> parts.add(args[i]);
      }
    }
    if (parts.isEmpty()) {
      parts = List.of("crdt", "traces", "heap");
    }
    for (String part : parts) {
      switch (part) {
        case "crdt" -> crdt(rounds, warmup);
        case "traces" -> traces(rounds, warmup);
        case "heap" -> heap();
        case "flatten" -> flatten(Path.of(flattened));
        case "b4x100" -> b4x100(Path.of(flattened), "");
        case "b4x100-large-heap" -> b4x100(Path.of(flattened), "-large-heap");
        default -> throw new IllegalArgumentException("unknown part " + part);
      }
    }
  }

  private static void print(Map<String, Object> line) {
    System.out.println(Json.stringify(line));
    System.out.flush();
  }

  private static Map<String, Object> line(String suite, int round, int warmup) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lib", "weft");
    m.put("suite", suite);
    m.put("round", round);
    if (round < warmup) {
      m.put("warmup", true);
    }
    return m;
  }

  private static void crdt(int rounds, int warmup) throws IOException {
    SuiteInputs inputs = new SuiteInputs();
    Map<String, Object> fp = line("inputs", 0, 0);
    fp.put("fingerprint", inputs.fingerprint());
    print(fp);
    List<Workload> workloads = CrdtBenchmarkSuite.b1b2b3(inputs);
    Workload b4 = CrdtBenchmarkSuite.b4(EditingTrace.sequential(AUTOMERGE_PAPER), 1);
    for (int r = 0; r < warmup + rounds; r++) {
      List<Workload> all = new ArrayList<>(workloads);
      if (r >= warmup && r < warmup + B4_ROUNDS) {
        all.add(b4);
      }
      for (Workload w : all) {
        Map<String, Object> m = line("crdt", r, warmup);
        m.putAll(w.run(true).toMap());
        print(m);
      }
    }
  }

  private static void traces(int rounds, int warmup) throws IOException {
    for (Path file : Traces.list("sequential")) {
      Traces.Trace trace = Traces.load(file);
      List<byte[]> remote = TraceWorkloads.manyClientUpdates(trace);
      for (int r = 0; r < warmup + rounds; r++) {
        print(sequential(trace, remote, line("trace", r, warmup)));
      }
    }
    for (Path file : Traces.list("concurrent")) {
      Traces.Trace trace = Traces.load(file);
      for (int r = 0; r < CONCURRENT_ROUNDS; r++) {
        Map<String, Object> m = line("concurrent", r, 0);
        m.put("trace", trace.name());
        long start = System.nanoTime();
        List<Doc> replicas = TraceWorkloads.concurrentMerge(trace);
        m.put("mergeMs", Figures.round(Figures.millisSince(start)));
        String text = TraceWorkloads.text(replicas.get(0));
        m.put("agents", trace.agents());
        m.put("finalLength", text.length());
        m.put("matchesEndContent", replicas.stream().allMatch(d -> TraceWorkloads.text(d).equals(trace.endContent())));
        print(m);
      }
    }
  }

  private static Map<String, Object> sequential(Traces.Trace trace, List<byte[]> remote, Map<String, Object> m) {
    m.put("trace", trace.name());
    m.put("patches", trace.patchCount());
    long start = System.nanoTime();
    TraceWorkloads.Replay replay = TraceWorkloads.localReplay(trace);
    m.put("replayMs", Figures.round(Figures.millisSince(start)));
    m.put("updates", replay.updates());
    m.put("updateBytes", replay.updateBytes());
    byte[][] v1 = new byte[1][];
    repeated(m, "encodeMs", () -> v1[0] = replay.doc().encodeStateAsUpdate());
    byte[][] v2 = new byte[1][];
    repeated(m, "encodeV2Ms", () -> v2[0] = replay.doc().encodeStateAsUpdateV2());
    m.put("v1Bytes", v1[0].length);
    m.put("v2Bytes", v2[0].length);
    Doc[] loadedDoc = new Doc[1];
    repeated(m, "loadMs", () -> loadedDoc[0] = TraceWorkloads.load(v1[0]));
    Doc loaded = loadedDoc[0];
    String text = TraceWorkloads.text(loaded);
    m.put("finalLength", text.length());
    m.put("matchesEndContent", text.equals(trace.endContent())
        && TraceWorkloads.text(replay.doc()).equals(trace.endContent()));
    start = System.nanoTime();
    Doc applied = TraceWorkloads.remoteApply(remote);
    double remoteMs = Figures.millisSince(start);
    m.put("remoteUpdates", remote.size());
    m.put("remoteApplyMs", Figures.round(remoteMs));
    m.put("remoteUpdatesPerSec", Math.round(remote.size() / (remoteMs / 1000)));
    m.put("remoteMatches", TraceWorkloads.text(applied).equals(trace.endContent()));
    start = System.nanoTime();
    String sb = TraceWorkloads.stringBuilderReplay(trace);
    m.put("stringBuilderMs", Figures.round(Figures.millisSince(start)));
    m.put("stringBuilderMatches", sb.equals(trace.endContent()));
    return m;
  }

  /**
   * Runs {@code work} {@link #SHORT_REPEATS} times; puts the median under {@code key} and the
   * first time under {@code key} with "First" before "Ms".
   */
  private static void repeated(Map<String, Object> m, String key, Runnable work) {
    double[] ms = new double[SHORT_REPEATS];
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      work.run();
      ms[i] = Figures.millisSince(start);
    }
    m.put(key.replace("Ms", "FirstMs"), Figures.round(ms[0]));
    java.util.Arrays.sort(ms);
    m.put(key, Figures.round(ms[ms.length / 2]));
  }

  /** Retained heap of the automerge-paper document loaded from its v1 state. */
  private static void heap() throws IOException {
    Traces.Trace trace = Traces.load(Traces.root().resolve("sequential/" + AUTOMERGE_PAPER + ".json.gz"));
    byte[] v1 = TraceWorkloads.localReplay(trace).doc().encodeStateAsUpdate();
    long before = Heap.used();
    Doc loaded = TraceWorkloads.load(v1);
    long after = Heap.used();
    Map<String, Object> m = line("heap", 0, 0);
    m.put("trace", trace.name());
    m.put("retainedBytes", Heap.retained(loaded));
    m.put("usedHeapDeltaBytes", after - before);
    m.put("matchesEndContent", TraceWorkloads.text(loaded).equals(trace.endContent()));
    print(m);
  }

  /** Saves the automerge-paper trace, flattened, for a {@code b4x100} run with a small heap. */
  private static void flatten(Path target) throws IOException {
    EditingTrace.sequential(AUTOMERGE_PAPER).save(target);
  }

  /**
   * B4 (after one unreported warm-up run) and then B4x100, once each, in this JVM (run it with a
   * small heap, e.g. -Xmx64m); the B4 line is printed first, so it survives a B4x100 cut short.
   */
  private static void b4x100(Path flattened, String suffix) throws IOException {
    EditingTrace trace = EditingTrace.read(flattened);
    Workload b4 = CrdtBenchmarkSuite.b4(trace, 1);
    b4.run(false); // warms the JIT, so that B4 is measured as warm as the later passes of B4x100
    Map<String, Object> small = line(suffix.isEmpty() ? "b4-small-heap" : "b4" + suffix, 0, 0);
    small.putAll(b4.run(true).toMap());
    small.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    print(small);
    Map<String, Object> m = line("b4x100" + suffix, 0, 0);
    m.putAll(CrdtBenchmarkSuite.b4(trace, 100).run(true).toMap());
    m.put("b4TimeMs", small.get("timeMs"));
    m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    print(m);
  }
}
