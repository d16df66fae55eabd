package dev.weft.cli;

import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An editing trace file ({@code .json} or gzipped {@code .json.gz}). Sequential traces hold
 * {@code endContent} and {@code txns}, each a list of {@code patches} {@code [pos, deleteCount,
 * "inserted text"]} applied in order; concurrent traces ({@code "kind": "concurrent"}) add
 * {@code numAgents} and, per transaction, its {@code agent} and the indexes of its {@code parents}.
 * Anything else is refused with a message naming what is wrong.
 */
record TraceFile(String name, boolean concurrent, String endContent, int agents, List<Txn> txns) {

  /** Delete {@code delete} characters at {@code pos}, then insert {@code insert} there. */
  record Patch(int pos, int delete, String insert) {}

  /** One transaction: its author, the earlier transactions it saw, and its patches. */
  record Txn(int agent, List<Integer> parents, List<Patch> patches) {}

  int patchCount() {
    return txns.stream().mapToInt(t -> t.patches().size()).sum();
  }

  static TraceFile read(String file) {
    byte[] bytes = Inputs.read(file);
    String json;
    try {
      json = new String(gzipped(bytes) ? gunzip(bytes) : bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(file + ": cannot decompress: " + e.getMessage());
    }
    Object parsed;
    try {
      parsed = Json.parse(json);
    } catch (DecodingException e) {
      throw new InputException(file + ": not JSON: " + e.getMessage());
    }
    String name = java.nio.file.Path.of(file).getFileName().toString().replaceFirst("\\.json(\\.gz)?$", "");
    try {
      return of(name, parsed);
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new InputException(file + ": not an editing trace: " + e.getMessage());
    }
  }

  private static boolean gzipped(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  private static byte[] gunzip(byte[] b) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
      return in.readAllBytes();
    }
  }

  private static TraceFile of(String name, Object parsed) {
    Map<?, ?> m = (Map<?, ?>) parsed;
    boolean concurrent = "concurrent".equals(m.get("kind"));
    int agents = concurrent ? count(m.get("numAgents"), "numAgents") : 1;
    if (agents < 1 || agents > 10_000) {
      throw new IllegalArgumentException("numAgents must be 1 to 10000, not " + agents);
    }
    String end = (String) m.get("endContent");
    if (end == null) {
      throw new IllegalArgumentException("no endContent");
    }
    List<Txn> txns = new ArrayList<>();
    for (Object t : list(m.get("txns"), "txns")) {
      Map<?, ?> tm = (Map<?, ?>) t;
      List<Patch> patches = new ArrayList<>();
      for (Object p : list(tm.get("patches"), "patches")) {
        List<?> pl = list(p, "patch");
        if (pl.size() != 3) {
          throw new IllegalArgumentException("a patch is [pos, deleteCount, text], not " + pl);
        }
        patches.add(new Patch(count(pl.get(0), "pos"), count(pl.get(1), "deleteCount"), (String) pl.get(2)));
      }
      List<Integer> parents = new ArrayList<>();
      int agent = 0;
      if (concurrent) {
        for (Object p : list(tm.get("parents"), "parents")) {
          int parent = count(p, "parent");
          if (parent >= txns.size()) {
            throw new IllegalArgumentException("transaction " + txns.size() + " names a later parent " + parent);
          }
          parents.add(parent);
        }
        agent = count(tm.get("agent"), "agent");
        if (agent >= agents) {
          throw new IllegalArgumentException("agent " + agent + " of " + agents);
        }
      }
      txns.add(new Txn(agent, List.copyOf(parents), List.copyOf(patches)));
    }
    return new TraceFile(name, concurrent, end, agents, List.copyOf(txns));
  }

  private static List<?> list(Object o, String what) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException(what + " is not a list");
  }

  private static int count(Object o, String what) {
    if (o instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= 0) {
      return n.intValue();
    }
    throw new IllegalArgumentException(what + " is not a count: " + o);
  }
}
