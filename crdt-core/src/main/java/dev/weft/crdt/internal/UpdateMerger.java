package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Combines updates into one without a document. */
public final class UpdateMerger {
  private UpdateMerger() {}

  /** One update v1 holding every struct and deletion of {@code updates}. */
  public static byte[] mergeV1(List<byte[]> updates) {
    if (updates.size() == 1) {
      return updates.get(0);
    }
    TreeMap<Long, List<Struct>> byClient = new TreeMap<>();
    DeleteSet ds = new DeleteSet();
    for (byte[] u : updates) {
      UpdateApplier.Decoded d = UpdateApplier.decodeV1(u);
      d.structs().forEach((c, l) -> {
        for (Struct s : l) {
          if (!(s instanceof SkipStruct)) {
            byClient.computeIfAbsent(c, k -> new ArrayList<>()).add(s);
          }
        }
      });
      ds.addAll(d.deletes());
    }
    UpdateEncoderV1 enc = new UpdateEncoderV1();
    enc.rest().writeVarUint(byClient.size());
    for (Map.Entry<Long, List<Struct>> e : byClient.descendingMap().entrySet()) {
      List<Struct> in = e.getValue();
      in.sort(Comparator.comparingLong((Struct s) -> s.clock));
      List<Struct> out = new ArrayList<>();
      long end = -1;
      for (Struct s : in) {
        if (end >= 0 && s.end() <= end) {
          continue;
        }
        if (end >= 0 && s.clock < end) {
          s = slice(s, (int) (end - s.clock));
        } else if (end >= 0 && s.clock > end) {
          out.add(new SkipStruct(s.client, end, (int) (s.clock - end)));
        }
        out.add(s);
        end = s.end();
      }
      enc.rest().writeVarUint(out.size());
      enc.writeClient(e.getKey());
      enc.rest().writeVarUint(out.get(0).clock);
      for (Struct s : out) {
        s.write(enc, 0);
      }
    }
    ds.sortAndMerge().write(enc);
    return enc.toByteArray();
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
        item.rightOrigin, item.content.copy().splice(diff));
    r.parentSub = item.parentSub;
    r.parent = item.parent;
    r.parentRootName = item.parentRootName;
    r.parentId = item.parentId;
    return r;
  }
}
