package dev.weft.benchmarks;

import dev.weft.crdt.encoding.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of a crdt-benchmarks workload reports, named as that suite names them: the timed
 * part ({@code time}), the update size (per input for B1, per document for B2, in all for B3), the
 * time to encode the state and its size, the time to load it into a fresh document, and the heap
 * the loaded document holds ({@code memUsed}: used heap after a full GC, with minus without it).
 */
record Figures(String id, String title, double timeMs, long updateBytes, double encodeMs, long docBytes,
    double parseMs, long memBytes) {

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("title", title);
    m.put("timeMs", round(timeMs));
    m.put("updateBytes", updateBytes);
    m.put("encodeMs", round(encodeMs));
    m.put("docBytes", docBytes);
    m.put("parseMs", round(parseMs));
    m.put("memBytes", memBytes);
    return m;
  }

  String toJson() {
    return Json.stringify(toMap());
  }

  static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }

  static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
