package dev.weft.crdt.testing;

import dev.weft.crdt.encoding.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Editing traces from the directory the environment variable {@code WEFT_TRACES} names (layout:
 * {@code sequential/*.json.gz}, {@code concurrent/*.json.gz}).
 */
public final class Traces {
  /** Why trace tests are skipped when there are no traces. */
  public static final String MISSING = "WEFT_TRACES is not set to a directory of editing traces "
      + "(e.g. WEFT_TRACES=../shared/traces); trace replay is skipped";

  private Traces() {}

  /** The traces directory, or null when not configured. */
  public static Path root() {
    String dir = System.getenv("WEFT_TRACES");
    if (dir == null || dir.isBlank() || dir.startsWith("${")) {
      return null;
    }
    Path p = Path.of(dir);
    return Files.isDirectory(p) ? p.toAbsolutePath() : null;
  }

  /** The trace files of one kind ("sequential" or "concurrent"), sorted by name. */
  public static List<Path> list(String kind) throws IOException {
    Path root = root();
    if (root == null || !Files.isDirectory(root.resolve(kind))) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root.resolve(kind))) {
      return s.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList();
    }
  }

  /** One patch: delete {@code delete} characters at {@code pos}, then insert {@code insert} there. */
  public record Patch(int pos, int delete, String insert) {}

  /** One transaction of a trace; for concurrent traces also its author and parents. */
  public record Txn(int agent, List<Integer> parents, List<Patch> patches) {}

  /** A parsed trace. */
  public record Trace(String name, String endContent, int agents, List<Txn> txns) {
    public int patchCount() {
      return txns.stream().mapToInt(t -> t.patches().size()).sum();
    }
  }

  public static Trace load(Path file) throws IOException {
    String json;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<?, ?> m = (Map<?, ?>) Json.parse(json);
    List<Txn> txns = new ArrayList<>();
    for (Object t : (List<?>) m.get("txns")) {
      Map<?, ?> tm = (Map<?, ?>) t;
      List<Patch> patches = new ArrayList<>();
      for (Object p : (List<?>) tm.get("patches")) {
        List<?> pl = (List<?>) p;
        patches.add(new Patch(((Number) pl.get(0)).intValue(), ((Number) pl.get(1)).intValue(), (String) pl.get(2)));
      }
      List<Integer> parents = new ArrayList<>();
      if (tm.get("parents") instanceof List<?> ps) {
        ps.forEach(x -> parents.add(((Number) x).intValue()));
      }
      int agent = tm.get("agent") instanceof Number a ? a.intValue() : 0;
      txns.add(new Txn(agent, parents, patches));
    }
    int agents = m.get("numAgents") instanceof Number n ? n.intValue() : 1;
    String name = file.getFileName().toString().replace(".json.gz", "");
    return new Trace(name, (String) m.get("endContent"), agents, txns);
  }
}
