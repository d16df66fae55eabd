package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Combines updates into one without a document (Yjs's {@code mergeUpdates}), so a server can
 * compact what it stores.
 *
 * <p>The structs of all updates are read lazily and merged like sorted lists: clients from the
 * highest id down, each client's structs by clock. A struct already covered by what was written
 * is skipped, one that overlaps it is cut, and a gap in a client's history becomes a Skip struct,
 * so each client's block stays gap-free. Adjacent GC structs (and Skips) join; items do not,
 * because updates carry no neighbour links. The delete sets are united. The output is byte for
 * byte what Yjs writes for the same input; a single update is returned as it is.
 */
public final class UpdateMerger {
  private UpdateMerger() {}

  private static final Comparator<StructReader> ORDER = (a, b) -> {
    if (a.curr.client == b.curr.client) {
      return Long.compare(a.curr.clock, b.curr.clock);
    }
    return Long.compare(b.curr.client, a.curr.client);
  };

  public static byte[] mergeV1(List<byte[]> updates) {
    if (updates.size() == 1) {
      return updates.get(0);
    }
    List<UpdateDecoderV1> decoders = new ArrayList<>();
    List<StructReader> readers = new ArrayList<>();
    for (byte[] u : updates) {
      UpdateDecoderV1 d = new UpdateDecoderV1(new Decoder(u));
      decoders.add(d);
      readers.add(new StructReader(d, true));
    }
    UpdateEncoderV1 encoder = new UpdateEncoderV1();
    LazyStructWriter writer = new LazyStructWriter(encoder.rest());
    Struct currWrite = null;
    while (true) {
      readers.removeIf(r -> r.curr == null);
      if (readers.isEmpty()) {
        break;
      }
      readers.sort(ORDER);
      StructReader reader = readers.get(0);
      long firstClient = reader.curr.client;
      if (currWrite != null) {
        Struct curr = reader.curr;
        boolean iterated = false;
        // skip what was written already (higher clients come first)
        while (curr != null && curr.end() <= currWrite.end() && curr.client >= currWrite.client) {
          curr = reader.next();
          iterated = true;
        }
        if (curr == null || curr.client != firstClient || (iterated && curr.clock > currWrite.end())) {
          continue;
        }
        if (firstClient != currWrite.client) {
          writer.write(currWrite, 0);
          currWrite = curr;
          reader.next();
        } else if (currWrite.end() < curr.clock) {
          if (currWrite instanceof SkipStruct) {
            currWrite.length = (int) (curr.end() - currWrite.clock);
          } else {
            writer.write(currWrite, 0);
            currWrite = new SkipStruct(firstClient, currWrite.end(), (int) (curr.clock - currWrite.end()));
          }
        } else {
          int diff = (int) (currWrite.end() - curr.clock);
          if (diff > 0) {
            if (currWrite instanceof SkipStruct) {
              currWrite.length -= diff; // prefer cutting the Skip: the other struct carries content
            } else {
              curr = slice(curr, diff);
            }
          }
          if (!currWrite.mergeWith(curr)) {
            writer.write(currWrite, 0);
            currWrite = curr;
            reader.next();
          }
        }
      } else {
        currWrite = reader.curr;
        reader.next();
      }
      for (Struct next = reader.curr;
          next != null && next.client == firstClient && next.clock == currWrite.end() && !(next instanceof SkipStruct);
          next = reader.next()) {
        writer.write(currWrite, 0);
        currWrite = next;
      }
    }
    if (currWrite != null) {
      writer.write(currWrite, 0);
    }
    writer.finish();
    DeleteSet ds = new DeleteSet();
    for (UpdateDecoderV1 d : decoders) {
      ds.addAll(DeleteSet.read(d));
      d.rest().requireEnd("the update");
    }
    ds.sortAndMerge().write(encoder);
    return encoder.toByteArray();
  }

  /** The part of {@code s} after its first {@code diff} units, leaving {@code s} unchanged. */
  static Struct slice(Struct s, int diff) {
    if (s instanceof GcStruct) {
      return new GcStruct(s.client, s.clock + diff, s.length - diff);
    }
    if (s instanceof SkipStruct) {
      return new SkipStruct(s.client, s.clock + diff, s.length - diff);
    }
    Item item = (Item) s;
    Item r = new Item(item.client, item.clock + diff, new Id(item.client, item.clock + diff - 1),
        item.rightOrigin(), item.content.copy().splice(diff));
    r.parentSub = item.parentSub;
    r.setDecodedParent(item.parentRootName(), item.parentId());
    return r;
  }
}
