package dev.weft.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The timed part of every crdt-benchmarks workload (B1.1-B4, named by the suite's ids; see
 * {@link CrdtBenchmarkSuite}), one single-shot run per invocation on freshly prepared documents.
 * Update sizes, document sizes, parse time and heap come from {@link SideBySide}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CrdtSuiteBenchmark {
  @Param({"B1.1", "B1.2", "B1.3", "B1.4", "B1.5", "B1.6", "B1.7", "B1.8", "B1.9", "B1.10", "B1.11",
      "B2.1", "B2.2", "B2.3", "B2.4", "B3.1", "B3.2", "B3.3", "B3.4", "B3.5", "B4"})
  public String workload;

  private Workload chosen;
  private Workload.Prepared prepared;

  @Setup(Level.Trial)
  public void choose() throws IOException {
    if (workload.equals("B4")) {
      chosen = CrdtBenchmarkSuite.b4(EditingTrace.sequential("automerge-paper"), 1);
      return;
    }
    List<Workload> all = CrdtBenchmarkSuite.b1b2b3(new SuiteInputs());
    chosen = all.stream().filter(w -> w.id().equals(workload)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no workload " + workload));
  }

  @Setup(Level.Invocation)
  public void prepare() {
    prepared = chosen.prepare();
  }

  @Benchmark
  public Object timedPart() {
    prepared.timed();
    return prepared;
  }
}
