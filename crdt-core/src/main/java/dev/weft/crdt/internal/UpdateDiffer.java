package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Encoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an update holds beyond a state vector, and the state vector an update implies. */
public final class UpdateDiffer {
  private UpdateDiffer() {}

  /** The structs of {@code update} that {@code sv} lacks, and its whole delete set. */
  public static byte[] diffV1(byte[] update, Map<Long, Long> sv) {
    UpdateApplier.Decoded d = UpdateApplier.decodeV1(update);
    TreeMap<Long, List<Struct>> keep = new TreeMap<>();
    d.structs().forEach((c, l) -> {
      long from = sv.getOrDefault(c, 0L);
      List<Struct> k = new ArrayList<>();
      for (Struct s : l) {
        if (s.end() > from && !(k.isEmpty() && s instanceof SkipStruct)) {
          k.add(s);
        }
      }
      if (!k.isEmpty()) {
        keep.put(c, k);
      }
    });
    UpdateEncoderV1 enc = new UpdateEncoderV1();
    enc.rest().writeVarUint(keep.size());
    for (Map.Entry<Long, List<Struct>> e : keep.descendingMap().entrySet()) {
      long from = sv.getOrDefault(e.getKey(), 0L);
      List<Struct> l = e.getValue();
      Struct first = l.get(0);
      int offset = (int) Math.max(0, from - first.clock);
      enc.rest().writeVarUint(l.size());
      enc.writeClient(e.getKey());
      enc.rest().writeVarUint(first.clock + offset);
      first.write(enc, offset);
      for (int i = 1; i < l.size(); i++) {
        l.get(i).write(enc, 0);
      }
    }
    d.deletes().sortAndMerge().write(enc);
    return enc.toByteArray();
  }

  /** For each client, the end of the gap-free run of structs starting at clock 0. */
  public static byte[] stateVectorFromUpdateV1(byte[] update) {
    UpdateApplier.Decoded d = UpdateApplier.decodeV1(update);
    TreeMap<Long, Long> sv = new TreeMap<>();
    d.structs().forEach((c, l) -> {
      long end = 0;
      for (Struct s : l) {
        if (s instanceof SkipStruct || s.clock != end) {
          break;
        }
        end = s.end();
      }
      if (end > 0) {
        sv.put(c, end);
      }
    });
    Encoder enc = new Encoder();
    StateVectors.write(enc, sv);
    return enc.toByteArray();
  }
}
