package dev.weft.transport.testing.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Prints a run's reports and appends them as JSON lines to {@code target/load-results.jsonl}. */
public final class LoadResults {
  private LoadResults() {}

  public static void record(List<LoadReport> reports) throws IOException {
    Path out = Path.of("target", "load-results.jsonl");
    Files.createDirectories(out.getParent());
    for (LoadReport r : reports) {
      System.out.println(r.toJson());
      System.out.println(r.toMarkdownRow());
      Files.writeString(out, r.toJson() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }
}
