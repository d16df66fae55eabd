package dev.weft.transport.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A document log is damaged somewhere other than its last record, so acknowledged updates may be
 * gone. The store refuses to open it rather than silently dropping what follows; restore the file
 * from a backup or truncate it at {@link #offset()} by hand.
 */
public final class CorruptLogException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  public CorruptLogException(Path file, long offset, String detail) {
    super(file + ": corrupt at byte " + offset + ": " + detail);
    this.offset = offset;
  }

  /** Where the first bad record starts. */
  public long offset() {
    return offset;
  }
}
