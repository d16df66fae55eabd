package dev.weft.crdt.internal;

import java.util.List;

/** One opaque byte array (a {@code Uint8Array} in JavaScript): one unit. */
public final class BinaryContent implements Content {
  private final byte[] bytes;

  public BinaryContent(byte[] bytes) {
    this.bytes = bytes;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  @Override public int length() { return 1; }
  @Override public boolean countable() { return true; }
  @Override public int ref() { return ContentRef.BINARY; }
  @Override public List<Object> values() { return List.of(bytes.clone()); }
  @Override public Content copy() { return new BinaryContent(bytes.clone()); }
  @Override public Content splice(int offset) { throw new IllegalStateException("binary content has one unit"); }
  @Override public boolean mergeWith(Content right) { return false; }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeBuf(bytes);
  }
}
