package dev.weft.cli;

/** Bad command-line arguments: the tool prints the message and the usage, and exits with 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
