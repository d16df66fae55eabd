package dev.weft.text.traces;

import dev.weft.crdt.Doc;
import dev.weft.crdt.testing.Traces;
import dev.weft.text.YText;
import java.nio.file.Path;

/**
 * A manual benchmark (not a test): replays a sequential trace locally with an update listener,
 * encodes the full state, loads it into a fresh document, and replays it many times into one
 * document. Usage: {@code TraceBench <trace.json.gz> [rounds] [repeats]}; for a small heap, write the
 * patches first with {@code --dump <trace.json.gz> <file>}, then run {@code --repeat <file> <repeats>}.
 */
public final class TraceBench {
  /** This thread's CPU time (the machine may be shared, so wall time alone is noisy). */
  private static final CpuClock THREADS = new CpuClock();

  private TraceBench() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--dump")) {
      // the parsed trace needs more heap than the document: write the patches compactly first
      dump(Traces.load(Path.of(args[1])), Path.of(args[2]));
      return;
    }
    if (args[0].equals("--repeat")) {
      repeatInto(Path.of(args[1]), Integer.parseInt(args[2]));
      return;
    }
    Traces.Trace trace = Traces.load(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Doc doc = null;
    for (int r = 0; r < rounds; r++) {
      doc = new Doc(1);
      YText text = YText.of(doc, "text");
      long[] bytes = {0};
      if (!Boolean.getBoolean("noListener")) {
        doc.onUpdate((u, o, t) -> bytes[0] += u.length);
      }
      long start = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      long allocated = THREADS.allocatedBytes();
      replay(doc, text, trace);
      long end = System.nanoTime();
      cpu = THREADS.getCurrentThreadCpuTime() - cpu;
      allocated = THREADS.allocatedBytes() - allocated;
      if (!trace.endContent().equals(text.toString())) {
        throw new AssertionError("content differs");
      }
      System.out.printf("replay %.1f ms, cpu %.1f ms, allocated %,d MB (%,d update bytes)%n", (end - start) / 1e6,
          cpu / 1e6, allocated >> 20, bytes[0]);
    }
    byte[] state = null;
    long[] times = new long[Integer.getInteger("loops", rounds * 20)];
    for (int r = 0; r < times.length; r++) {
      long start = THREADS.getCurrentThreadCpuTime();
      state = doc.encodeStateAsUpdate();
      times[r] = THREADS.getCurrentThreadCpuTime() - start;
    }
    System.out.printf("encode, thread cpu (%,d bytes) %s%n", state.length, stats(times));
    Doc loaded = null;
    for (int r = 0; r < times.length; r++) {
      long start = THREADS.getCurrentThreadCpuTime();
      loaded = new Doc(3);
      loaded.applyUpdate(state);
      times[r] = THREADS.getCurrentThreadCpuTime() - start;
    }
    System.out.printf("load, thread cpu %s%n", stats(times));
    if (!trace.endContent().equals(YText.of(loaded, "text").toString())) {
      throw new AssertionError("loaded content differs");
    }
    if (repeats > 0) {
      Doc big = new Doc(1);
      YText text = YText.of(big, "text");
      big.onUpdate((u, o, t) -> { });
      long start = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < repeats; i++) {
        replay(big, text, trace);
        if (i % 10 == 9) {
          System.out.printf("  %d replays, %.1f ms%n", i + 1, (System.nanoTime() - start) / 1e6);
        }
      }
      System.out.printf("%d replays into one doc %.1f ms, cpu %.1f ms%n", repeats, (System.nanoTime() - start) / 1e6,
          (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("heap used after gc %.2f MiB (holding one replayed and one loaded doc)%n",
        (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
    if (System.getProperty("jol") != null) {
      Object layout = Class.forName("org.openjdk.jol.info.GraphLayout").getMethod("parseInstance", Object[].class)
          .invoke(null, (Object) new Object[] {loaded});
      long size = (long) layout.getClass().getMethod("totalSize").invoke(layout);
      System.out.printf("loaded doc retained %.3f MiB (JOL)%n", size / 1048576.0);
      if (System.getProperty("jol").equals("v")) {
        System.out.println(layout.getClass().getMethod("toFootprint").invoke(layout));
      }
    }
  }

  /** Min, median and last of the second half of the runs (the first half warms up). */
  static String stats(long[] times) {
    long[] half = java.util.Arrays.copyOfRange(times, times.length / 2, times.length);
    java.util.Arrays.sort(half);
    return String.format("min %.2f ms, median %.2f ms over %d warm runs", half[0] / 1e6, half[half.length / 2] / 1e6,
        half.length);
  }

  /** Reads the current thread's CPU time through java.management, found reflectively at run time. */
  static final class CpuClock {
    private final Object bean;
    private final java.lang.reflect.Method method;
    private final java.lang.reflect.Method allocated;

    CpuClock() {
      try {
        Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
        bean = factory.getMethod("getThreadMXBean").invoke(null);
        method = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
        allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    long allocatedBytes() {
      try {
        return (long) allocated.invoke(bean);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    long getCurrentThreadCpuTime() {
      try {
        return (long) method.invoke(bean);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Writes the patches of a trace and its end content to {@code out}. */
  static void dump(Traces.Trace trace, Path out) throws java.io.IOException {
    try (java.io.DataOutputStream o = new java.io.DataOutputStream(
        new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(out)))) {
      o.writeInt(trace.patchCount());
      for (Traces.Txn txn : trace.txns()) {
        for (Traces.Patch p : txn.patches()) {
          o.writeInt(p.pos());
          o.writeInt(p.delete());
          o.writeUTF(p.insert());
        }
      }
      o.write(trace.endContent().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /**
   * Replays the trace {@code repeats} times into one document, holding only the patches in arrays
   * (not the parsed trace), then reports the heap in use.
   */
  static void repeatInto(Path patches, int repeats) throws java.io.IOException {
    int n;
    int[] pos;
    int[] del;
    String[] ins;
    String end;
    try (java.io.DataInputStream in = new java.io.DataInputStream(
        new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(patches)))) {
      n = in.readInt();
      pos = new int[n];
      del = new int[n];
      ins = new String[n];
      for (int i = 0; i < n; i++) {
        pos[i] = in.readInt();
        del[i] = in.readInt();
        ins[i] = in.readUTF();
      }
      end = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Doc big = new Doc(1);
    YText text = YText.of(big, "text");
    long[] bytes = {0};
    big.onUpdate((u, o, t) -> bytes[0] += u.length);
    long start = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int r = 0; r < repeats; r++) {
      for (int i = 0; i < n; i++) {
        int at = i;
        big.transact(t -> {
          if (del[at] > 0) {
            text.delete(pos[at], del[at]);
          }
          if (!ins[at].isEmpty()) {
            text.insert(pos[at], ins[at]);
          }
        });
      }
      if (r == 0 && !text.toString().equals(end)) {
        throw new AssertionError("content differs after the first replay");
      }
      if (r % 10 == 9) {
        System.out.printf("  %d replays, %.1f ms, cpu %.1f ms%n", r + 1, (System.nanoTime() - start) / 1e6,
            (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
      }
    }
    System.out.printf("%d replays into one doc: %.1f ms, cpu %.1f ms, %,d update bytes, text length %,d%n", repeats,
        (System.nanoTime() - start) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6, bytes[0], text.length());
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("heap used after gc %.2f MiB (the document and the patch arrays)%n",
        (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
    java.lang.ref.Reference.reachabilityFence(big);
  }

  static void replay(Doc doc, YText text, Traces.Trace trace) {
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
  }
}
