package dev.weft.cli;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.crdt.encoding.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The commands, one method each; {@link Main} parses and dispatches. */
final class Commands {
  private static final List<String> FORMAT = List.of("--format");

  private Commands() {}

  /** {@code json FILE... [--type NAME=KIND ...]}: every root as one JSON object. */
  static void json(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("--type", "--format"), List.of());
    a.requireFiles(1, Integer.MAX_VALUE);
    var kinds = RootPrinter.kinds(a.all("--type"));
    Doc doc = Inputs.docOf(a.files, Inputs.format(a));
    out.println(Json.stringify(RootPrinter.roots(doc, kinds)));
  }

  /** {@code text FILE... --root NAME}: one text root's content. */
  static void text(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("--root", "--format"), List.of());
    a.requireFiles(1, Integer.MAX_VALUE);
    String root = a.required("--root");
    Doc doc = Inputs.docOf(a.files, Inputs.format(a));
    out.println(RootPrinter.value(doc, root, "text"));
  }

  /** {@code merge FILE... -o OUT [--v2]}: one update holding all of them. */
  static void merge(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("-o", "--format"), List.of("--v2"));
    a.requireFiles(1, Integer.MAX_VALUE);
    String target = a.required("-o");
    byte[] merged = Updates.mergeUpdates(Inputs.readAllV1(a.files, Inputs.format(a)));
    Inputs.write(target, a.has("--v2") ? Updates.convertUpdateFormatV1ToV2(merged) : merged);
  }

  /** {@code diff FILE --state-vector SV -o OUT [--v2]}: what a replica at SV lacks. */
  static void diff(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("-o", "--state-vector", "--format"), List.of("--v2"));
    a.requireFiles(1, 1);
    String svFile = a.required("--state-vector");
    String target = a.required("-o");
    byte[] update = Inputs.readV1(a.files.get(0), Inputs.format(a));
    byte[] sv = Inputs.read(svFile);
    byte[] diff = Inputs.guard(svFile, () -> Updates.diffUpdate(update, sv));
    Inputs.write(target, a.has("--v2") ? Updates.convertUpdateFormatV1ToV2(diff) : diff);
  }

  /** {@code state-vector FILE... -o OUT}: the state vector of the files applied together. */
  static void stateVector(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("-o", "--format"), List.of());
    a.requireFiles(1, Integer.MAX_VALUE);
    String target = a.required("-o");
    Inputs.write(target, Inputs.docOf(a.files, Inputs.format(a)).encodeStateVector());
  }

  /** {@code inspect FILE}: the structs and delete set, human-readable. */
  static void inspect(List<String> args, PrintStream out) {
    Args a = Args.parse(args, FORMAT, List.of());
    a.requireFiles(1, 1);
    String file = a.files.get(0);
    byte[] update = Inputs.readV1(file, Inputs.format(a));
    out.print(Inputs.guard(file, () -> Updates.describe(update)));
  }

  /** {@code convert FILE -o OUT --to v1|v2}: rewrites an update in the other format. */
  static void convert(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("-o", "--to", "--format"), List.of());
    a.requireFiles(1, 1);
    String target = a.required("-o");
    String to = a.required("--to");
    byte[] v1 = Inputs.readV1(a.files.get(0), Inputs.format(a));
    switch (to) {
      case "v1" -> Inputs.write(target, v1);
      case "v2" -> Inputs.write(target, Updates.convertUpdateFormatV1ToV2(v1));
      default -> throw new UsageException("--to takes v1 or v2, not " + to);
    }
  }

  /**
   * {@code replay TRACE [--runs N] [--warmup W]}: replays an editing trace W times unreported, then
   * N times, printing one JSON line per run and a summary line with the medians.
   */
  static void replay(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("--runs", "--warmup"), List.of());
    a.requireFiles(1, 1);
    int runs = count(a, "--runs", 5, 1);
    int warmup = count(a, "--warmup", 1, 0);
    String file = a.files.get(0);
    TraceFile trace = TraceFile.read(file);
    for (int i = 0; i < warmup; i++) {
      replayOnce(file, trace);
    }
    List<Map<String, Object>> all = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("run", i);
      line.put("trace", trace.name());
      line.put("kind", trace.concurrent() ? "concurrent" : "sequential");
      line.putAll(replayOnce(file, trace));
      all.add(line);
      out.println(Json.stringify(line));
      out.flush();
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("summary", "median");
    summary.put("runs", runs);
    summary.put("trace", trace.name());
    summary.put("patches", trace.patchCount());
    for (String key : List.of("replayMs", "loadMs", "encodeMs", "v1Bytes", "v2Bytes", "finalLength")) {
      summary.put(key, median(all, key));
    }
    summary.put("matchesEndContent", all.stream().allMatch(l -> Boolean.TRUE.equals(l.get("matchesEndContent"))));
    out.println(Json.stringify(summary));
  }

  private static Map<String, Object> replayOnce(String file, TraceFile trace) {
    try {
      return TraceReplay.run(trace);
    } catch (InputException e) {
      throw new InputException(file + ": " + e.getMessage());
    }
  }

  private static int count(Args a, String option, int otherwise, int min) {
    String v = a.one(option);
    if (v == null) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " takes a whole number from " + min + " to 1000, not " + v);
  }

  private static Number median(List<Map<String, Object>> lines, String key) {
    double[] v = lines.stream().mapToDouble(l -> ((Number) l.get(key)).doubleValue()).sorted().toArray();
    double m = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return key.endsWith("Ms") ? (Number) TraceReplay.round(m) : (Number) Math.round(m);
  }
}
