package dev.weft.transport.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A crash can cut the log file at any byte. For every cut of a log of acknowledged appends, the
 * store must return exactly the records that were whole before the cut (an append is acknowledged
 * only after its record is whole on disk, so those include every acknowledged one), then accept new
 * appends after them.
 */
class FileStoreTruncationPropertyTest {

  @Property
  void truncatingAtEveryOffset_losesNoWholeRecord_andTheStoreStillAppends(
      @ForAll @IntRange(min = 1, max = 6) int count, @ForAll @IntRange(min = 0, max = 5) int skip) throws IOException {
    List<byte[]> all = FileDocumentStoreTest.updates(count + skip + 1);
    List<byte[]> acked = all.subList(skip, skip + count);
    byte[] extra = all.get(skip + count);
    Path dir = Files.createTempDirectory("weft-trunc");
    try {
      byte[] log;
      try (FileDocumentStore store = new FileDocumentStore(dir)) {
        for (byte[] u : acked) {
          store.append("doc", u);
        }
        log = Files.readAllBytes(store.file("doc"));
      }
      long[] ends = recordEnds(acked);
      Path file = dir.resolve(FileDocumentStore.fileName("doc"));
      for (int cut = 0; cut <= log.length; cut++) {
        Files.write(file, Arrays.copyOf(log, cut));
        int whole = 0;
        while (whole < ends.length && ends[whole] <= cut) {
          whole++;
        }
        try (FileDocumentStore store = new FileDocumentStore(dir)) {
          List<byte[]> got = store.load("doc");
          assertEquals(whole, got.size(), "records after a cut at " + cut + " of " + log.length);
          for (int i = 0; i < whole; i++) {
            assertArrayEquals(acked.get(i), got.get(i));
          }
          store.append("doc", extra);
        }
        try (FileDocumentStore store = new FileDocumentStore(dir)) {
          List<byte[]> got = store.load("doc");
          assertEquals(whole + 1, got.size(), "append after recovery at cut " + cut);
          assertArrayEquals(extra, got.get(whole));
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long[] recordEnds(List<byte[]> records) {
    long[] ends = new long[records.size()];
    long at = LogFormat.HEADER.length;
    for (int i = 0; i < records.size(); i++) {
      at += LogFormat.RECORD_OVERHEAD + records.get(i).length;
      ends[i] = at;
    }
    return ends;
  }
}
