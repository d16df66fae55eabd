package dev.weft.text.differential;

import dev.weft.crdt.Updates;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether two full states that hold the same content but differ in bytes differ only in
 * one of the documented ways (README, "Known differences"), reading Weft's struct listing
 * ({@link Updates#describe}) clock by clock:
 * <ul>
 *   <li>{@link #FORMATTING_CLEANUP}: at some clocks one side has a live format item where the other
 *       has a deleted item or a GC struct (formatting cleanup removed it on one side only);
 *   <li>{@link #GC_JOINING}: the same clocks are collected on both sides, split into GC structs
 *       differently (Weft joins GC structs with equal neighbours whatever the delivery order).
 * </ul>
 * Any other difference (another kind of content at a clock, an item boundary or a deletion that
 * differs outside format items) is unexplained.
 */
final class KnownDifferences {
  static final String FORMATTING_CLEANUP = "formatting cleanup";
  static final String GC_JOINING = "GC joining";

  private KnownDifferences() {}

  /** One clock of a client: the kind of struct there, whether a struct starts there, whether deleted. */
  private record Unit(String kind, boolean start, boolean deleted) {}

  /** The known difference that explains why two v1 states differ, or null if none does. */
  static String explain(byte[] a, byte[] b) {
    Map<String, Unit> ua = units(Updates.describe(a));
    Map<String, Unit> ub = units(Updates.describe(b));
    if (!ua.keySet().equals(ub.keySet())) {
      return null;
    }
    Set<String> removable = Set.of("format", "deleted", "gc");
    boolean formatting = false;
    for (Map.Entry<String, Unit> e : ua.entrySet()) {
      String x = e.getValue().kind();
      String y = ub.get(e.getKey()).kind();
      if (!x.equals(y)) {
        if (!removable.contains(x) || !removable.contains(y) || !(x.equals("format") || y.equals("format"))) {
          return null;
        }
        formatting = true;
      }
    }
    boolean gc = false;
    for (Map.Entry<String, Unit> e : ua.entrySet()) {
      Unit x = e.getValue();
      Unit y = ub.get(e.getKey());
      if (x.equals(y) || !x.kind().equals(y.kind())) {
        continue;
      }
      if (x.kind().equals("gc") && x.deleted() == y.deleted()) {
        gc = true; // the same collected clocks, split differently
      } else if (!(formatting && x.kind().equals("deleted") && x.deleted() == y.deleted())) {
        return null; // only a deleted run next to a removed format item may be joined differently
      }
    }
    return formatting ? FORMATTING_CLEANUP : gc ? GC_JOINING : null;
  }

  /** Every clock of the listing, keyed "client:clock". */
  private static Map<String, Unit> units(String listing) {
    Map<String, String> kinds = new HashMap<>();
    Set<String> starts = new HashSet<>();
    Set<String> deleted = new HashSet<>();
    boolean inDeletes = false;
    for (String line : listing.split("\n")) {
      if (line.equals("deletes")) {
        inDeletes = true;
        continue;
      }
      if (!line.startsWith("  ")) {
        continue;
      }
      String body = line.trim();
      if (inDeletes) {
        String[] parts = body.split("[: ]+");
        for (int i = 1; i < parts.length; i++) {
          String[] range = parts[i].split("-");
          for (long c = Long.parseLong(range[0]); c <= Long.parseLong(range[1]); c++) {
            deleted.add(parts[0] + ":" + c);
          }
        }
        continue;
      }
      int space = body.indexOf(' ');
      String ids = body.substring(0, space);
      String rest = body.substring(space + 1);
      String kind = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
      String client = ids.substring(0, ids.indexOf(':'));
      String[] range = ids.substring(ids.indexOf(':') + 1).split("-");
      long from = Long.parseLong(range[0]);
      long to = range.length > 1 ? Long.parseLong(range[1]) : from;
      for (long c = from; c <= to; c++) {
        kinds.put(client + ":" + c, kind);
      }
      starts.add(client + ":" + from);
    }
    Map<String, Unit> out = new HashMap<>();
    kinds.forEach((k, kind) -> out.put(k, new Unit(kind, starts.contains(k), deleted.contains(k))));
    return out;
  }
}
