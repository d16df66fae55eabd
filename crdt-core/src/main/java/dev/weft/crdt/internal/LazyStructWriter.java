package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Encoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes structs one at a time, as merging and diffing produce them, into the client blocks of an
 * update v1. A block's struct count comes before its structs, so each block is buffered until the
 * next client starts; {@link #finish} then writes the number of blocks and the blocks.
 */
final class LazyStructWriter {
  private final Encoder out;
  private final List<byte[]> blocks = new ArrayList<>();
  private final List<Integer> counts = new ArrayList<>();
  private UpdateEncoderV1 block = new UpdateEncoderV1();
  private long client;
  private int written;

  LazyStructWriter(Encoder out) {
    this.out = out;
  }

  /** Appends {@code s} without its first {@code offset} units. */
  void write(Struct s, int offset) {
    if (written > 0 && client != s.client) {
      flush();
    }
    if (written == 0) {
      client = s.client;
      block.writeClient(s.client);
      block.rest().writeVarUint(s.clock + offset);
    }
    s.write(block, offset);
    written++;
  }

  private void flush() {
    if (written > 0) {
      counts.add(written);
      blocks.add(block.toByteArray());
      block = new UpdateEncoderV1();
      written = 0;
    }
  }

  /** Writes every block to the output; the delete set is written after this. */
  void finish() {
    flush();
    out.writeVarUint(blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      out.writeVarUint(counts.get(i));
      out.writeBytes(blocks.get(i));
    }
  }
}
