package dev.weft.transport.store;

import dev.weft.crdt.Updates;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One document's append-only log (format in {@link LogFormat}), open for appending. Every method
 * holds the instance lock, so appends, reads and compaction of one document are serialized.
 */
final class LogFile implements Closeable {
  private final Path path;
  private FileChannel channel;
  private long size;

  private LogFile(Path path) {
    this.path = path;
  }

  /** Opens {@code path}, creating it, or recovering it after a crash (dropping a torn last record). */
  static LogFile open(Path path) throws IOException {
    LogFile log = new LogFile(path);
    log.recover();
    return log;
  }

  private void recover() throws IOException {
    Files.deleteIfExists(compactionTemp(path));
    boolean existed = Files.exists(path);
    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      LogFormat.Scan scan = LogFormat.scan(path, existed ? Files.readAllBytes(path) : new byte[0]);
      if (scan.headerMissing()) {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(LogFormat.HEADER), 0);
        channel.force(true);
        FileDocumentStore.syncDirectory(path.getParent());
        size = LogFormat.HEADER.length;
      } else {
        size = scan.validEnd();
        if (channel.size() > size) {
          channel.truncate(size); // drop the torn record before anything is appended after it
          channel.force(true);
        }
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Appends one record and forces it to the device; acknowledged when this returns. */
  synchronized void append(byte[] update) throws IOException {
    ByteBuffer rec = ByteBuffer.wrap(LogFormat.record(update));
    long at = size;
    while (rec.hasRemaining()) {
      at += channel.write(rec, at);
    }
    channel.force(false);
    size = at;
  }

  synchronized List<byte[]> readAll() throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) size);
    long at = 0;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, at);
      if (n < 0) {
        throw new IOException(path + " shrank while open");
      }
      at += n;
    }
    return LogFormat.scan(path, buf.array()).records();
  }

  /**
   * Rewrites the log as one record holding the merge of all: write a temporary file, force it,
   * rename it over the log atomically, force the directory. A crash at any point leaves either
   * the old log or the new one, both complete.
   */
  synchronized void compact() throws IOException {
    List<byte[]> records = readAll();
    if (records.size() < 2) {
      return;
    }
    byte[] rec = LogFormat.record(Updates.mergeUpdates(records));
    Path tmp = compactionTemp(path);
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(LogFormat.HEADER.length + rec.length).put(LogFormat.HEADER).put(rec).flip();
      while (b.hasRemaining()) {
        out.write(b);
      }
      out.force(true);
    }
    channel.close();
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    FileDocumentStore.syncDirectory(path.getParent());
    channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    size = channel.size();
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  static Path compactionTemp(Path log) {
    return log.resolveSibling(log.getFileName() + ".compact");
  }
}
