package dev.weft.transport.testing.load;

import java.util.Locale;

/**
 * What one phase of a load run measured. {@code updates} were written by the writers,
 * {@code deliveries} counts (update, receiving writer) pairs observed; throughput is updates
 * written per second until every writer held every update.
 */
public record LoadReport(
    String transport, String phase, int documents, int writersPerDocument, long updates,
    long deliveries, double seconds, double p50Millis, double p99Millis, double maxMillis) {

  public double updatesPerSecond() {
    return updates / seconds;
  }

  public String toJson() {
    return String.format(Locale.ROOT,
        "{\"transport\":\"%s\",\"phase\":\"%s\",\"documents\":%d,\"writersPerDocument\":%d,"
            + "\"updates\":%d,\"deliveries\":%d,\"seconds\":%.3f,\"updatesPerSecond\":%.0f,"
            + "\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f}",
        transport, phase, documents, writersPerDocument, updates, deliveries, seconds,
        updatesPerSecond(), p50Millis, p99Millis, maxMillis);
  }

  /** One row of the table in benchmarks/RESULTS.md. */
  public String toMarkdownRow() {
    return String.format(Locale.ROOT, "| %s | %s | %d × %d | %d | %.0f | %.1f | %.1f | %.1f |",
        transport, phase, documents, writersPerDocument, updates, updatesPerSecond(), p50Millis,
        p99Millis, maxMillis);
  }
}
