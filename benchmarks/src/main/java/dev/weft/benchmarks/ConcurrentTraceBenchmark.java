package dev.weft.benchmarks;

import dev.weft.crdt.Doc;
import dev.weft.crdt.testing.Traces;
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
 * The concurrent traces under {@code WEFT_TRACES}, replayed with one replica per agent that merges
 * its ancestors' updates before each transaction, then fully synced (see {@link TraceWorkloads}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ConcurrentTraceBenchmark {
  @Param({"friendsforever", "clownschool"})
  public String trace;

  private Traces.Trace loaded;

  @Setup(Level.Trial)
  public void load() throws IOException {
    loaded = Traces.load(Traces.root().resolve("concurrent").resolve(trace + ".json.gz"));
  }

  @Benchmark
  public List<Doc> mergeReplay() {
    return TraceWorkloads.concurrentMerge(loaded);
  }
}
