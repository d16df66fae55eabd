package dev.weft.cli;

/** An input file that cannot be used: the tool prints one line and exits with 1. */
final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InputException(String message) {
    super(message);
  }
}
