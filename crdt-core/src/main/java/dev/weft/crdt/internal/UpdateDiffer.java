package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.Encoder;
import java.util.Map;

/**
 * What an update holds beyond a state vector (Yjs's {@code diffUpdate}), and the state vector an
 * update implies on its own ({@code encodeStateVectorFromUpdate}), both without a document.
 */
public final class UpdateDiffer {
  private UpdateDiffer() {}

  /**
   * The structs of {@code update} that a replica at {@code sv} lacks (the first one of each client
   * cut at the replica's clock), and the update's whole delete set.
   */
  public static byte[] diffV1(byte[] update, Map<Long, Long> sv) {
    UpdateDecoderV1 decoder = new UpdateDecoderV1(new Decoder(update));
    StructReader reader = new StructReader(decoder, false);
    UpdateEncoderV1 encoder = new UpdateEncoderV1();
    LazyStructWriter writer = new LazyStructWriter(encoder.rest());
    while (reader.curr != null) {
      Struct curr = reader.curr;
      long client = curr.client;
      long known = sv.getOrDefault(client, 0L);
      if (curr instanceof SkipStruct) {
        reader.next(); // a client's part never starts with a Skip
        continue;
      }
      if (curr.end() > known) {
        writer.write(curr, (int) Math.max(known - curr.clock, 0));
        reader.next();
        while (reader.curr != null && reader.curr.client == client) {
          writer.write(reader.curr, 0);
          reader.next();
        }
      } else {
        while (reader.curr != null && reader.curr.client == client && reader.curr.end() <= known) {
          reader.next();
        }
      }
    }
    writer.finish();
    DeleteSet.read(decoder).write(encoder);
    decoder.rest().requireEnd("the update");
    return encoder.toByteArray();
  }

  /**
   * For each client, where its gap-free history from clock 0 ends in {@code update}, in the order
   * the update lists clients.
   */
  public static byte[] stateVectorFromUpdateV1(byte[] update) {
    StructReader reader = new StructReader(new UpdateDecoderV1(new Decoder(update)), false);
    Encoder entries = new Encoder();
    int size = 0;
    Struct curr = reader.curr;
    if (curr != null) {
      long client = curr.client;
      boolean stop = curr.clock != 0;
      long clock = stop ? 0 : curr.end();
      for (; curr != null; curr = reader.next()) {
        if (client != curr.client) {
          if (clock != 0) {
            size++;
            entries.writeVarUint(client);
            entries.writeVarUint(clock);
          }
          client = curr.client;
          clock = 0;
          stop = curr.clock != 0;
        }
        if (curr instanceof SkipStruct) {
          stop = true;
        }
        if (!stop) {
          clock = curr.end();
        }
      }
      if (clock != 0) {
        size++;
        entries.writeVarUint(client);
        entries.writeVarUint(clock);
      }
    }
    Encoder out = new Encoder();
    out.writeVarUint(size);
    out.writeBytes(entries.toByteArray());
    return out.toByteArray();
  }
}
