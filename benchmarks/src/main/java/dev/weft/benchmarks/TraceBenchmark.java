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
 * The sequential editing traces under {@code WEFT_TRACES}: local replay with an update listener,
 * loading and encoding the full state, applying many clients' small updates to one document, and
 * a {@code StringBuilder} replay as the baseline (see {@link TraceWorkloads}). Milliseconds per
 * whole trace, one single shot per iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TraceBenchmark {
  @Param({"automerge-paper", "seph-blog1", "sveltecomponent", "friendsforever_flat", "clownschool_flat",
      "json-crdt-patch"})
  public String trace;

  private Traces.Trace loaded;
  private Doc replayed;
  private byte[] v1;

  @Setup(Level.Trial)
  public void load() throws IOException {
    loaded = Traces.load(Traces.root().resolve("sequential").resolve(trace + ".json.gz"));
    replayed = TraceWorkloads.localReplay(loaded).doc();
    v1 = replayed.encodeStateAsUpdate();
  }

  /** The updates for {@link #remoteApplyManyClients}, made only when that benchmark runs. */
  @State(Scope.Benchmark)
  public static class ManyClients {
    List<byte[]> updates;

    @Setup(Level.Trial)
    public void write(TraceBenchmark b) {
      updates = TraceWorkloads.manyClientUpdates(b.loaded);
    }
  }

  /** One transaction per patch, an update listener on. */
  @Benchmark
  public Object localReplay() {
    return TraceWorkloads.localReplay(loaded);
  }

  /** The full state (update v1) applied to a fresh document. */
  @Benchmark
  public Doc loadV1() {
    return TraceWorkloads.load(v1);
  }

  @Benchmark
  public byte[] encodeV1() {
    return replayed.encodeStateAsUpdate();
  }

  @Benchmark
  public byte[] encodeV2() {
    return replayed.encodeStateAsUpdateV2();
  }

  /** Every patch's update, written by 64 clients in turn, applied one by one to a fresh document. */
  @Benchmark
  public Doc remoteApplyManyClients(ManyClients clients) {
    return TraceWorkloads.remoteApply(clients.updates);
  }

  @Benchmark
  public String stringBuilderBaseline() {
    return TraceWorkloads.stringBuilderReplay(loaded);
  }
}
