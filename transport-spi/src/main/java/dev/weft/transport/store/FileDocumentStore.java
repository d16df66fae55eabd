package dev.weft.transport.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DocumentStore} on the local file system: one append-only log per document in a
 * directory, each record checksummed with CRC32C (layout in {@code transport-spi/FORMAT.md}).
 *
 * <h2>Fsync policy</h2>
 * <ul>
 *   <li><b>Append:</b> the record is written and the file is forced ({@code fdatasync}) before
 *       {@link #append} returns. An acknowledged update therefore survives a process crash and a
 *       power loss. Creating a document's log also forces the directory. One append costs one
 *       device flush: batch at a higher level if that is too slow.
 *   <li><b>Compaction:</b> the merged log is written to a temporary file, forced, renamed over
 *       the log atomically, then the directory is forced. A crash leaves the old or the new log.
 *   <li><b>Recovery:</b> when a log is opened (first use after start), a torn last record, which
 *       was never acknowledged, is detected by its length and checksum and cut off before anything
 *       else is appended; damage anywhere else raises {@link CorruptLogException} instead of losing
 *       acknowledged updates silently.
 * </ul>
 *
 * One process at a time may use a directory.
 */
public final class FileDocumentStore implements DocumentStore {
  private static final String SUFFIX = ".log";

  private final Path dir;
  private final Map<String, LogFile> open = new ConcurrentHashMap<>();

  /** A store in {@code dir}, created if needed. */
  public FileDocumentStore(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /** The log file of document {@code name}. */
  public Path file(String name) {
    return dir.resolve(fileName(name));
  }

  @Override
  public void append(String name, byte[] update) throws IOException {
    LogFile log = log(name);
    try {
      log.append(update);
    } catch (IOException e) {
      reopenLater(name, log); // the next use recovers the file, cutting a partial record
      throw e;
    }
  }

  @Override
  public List<byte[]> load(String name) throws IOException {
    if (!open.containsKey(name) && !Files.exists(file(name))) {
      return List.of();
    }
    return log(name).readAll();
  }

  @Override
  public void compact(String name) throws IOException {
    if (!open.containsKey(name) && !Files.exists(file(name))) {
      return;
    }
    LogFile log = log(name);
    try {
      log.compact();
    } catch (IOException e) {
      reopenLater(name, log);
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (String name : List.copyOf(open.keySet())) {
      LogFile log = open.remove(name);
      try {
        if (log != null) {
          log.close();
        }
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private LogFile log(String name) throws IOException {
    try {
      return open.computeIfAbsent(name, n -> {
        try {
          return LogFile.open(file(n));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void reopenLater(String name, LogFile log) {
    if (open.remove(name, log)) {
      try {
        log.close();
      } catch (IOException ignored) {
        // the file is recovered when it is opened again
      }
    }
  }

  /**
   * A file name for any document name: bytes of its UTF-8 form outside {@code [a-z0-9_-]} become
   * {@code %XX}, so names differing only in case or containing separators cannot collide.
   */
  static String fileName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("document name must not be empty");
    }
    StringBuilder sb = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.append(SUFFIX).toString();
  }

  /** Forces a directory's entries (new or renamed files) to the device, where the OS allows it. */
  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some platforms (Windows) cannot open a directory; their file systems order this themselves
    }
  }
}
