package dev.weft.crdt.encoding;

/**
 * JavaScript's {@code undefined}, kept distinct from {@code null} so that values written by Yjs
 * round-trip: lib0 encodes them with different tags (127 and 126).
 */
public enum Undefined {
  INSTANCE;

  @Override
  public String toString() {
    return "undefined";
  }
}
