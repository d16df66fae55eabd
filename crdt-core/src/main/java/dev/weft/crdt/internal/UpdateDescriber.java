package dev.weft.crdt.internal;

import java.util.List;
import java.util.Map;

/** A human-readable listing of an update's structs and delete set. */
public final class UpdateDescriber {
  private UpdateDescriber() {}

  public static String describe(byte[] update) {
    UpdateApplier.Decoded d = UpdateApplier.decodeV1(update);
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Long, List<Struct>> e : d.structs().descendingMap().entrySet()) {
      sb.append("client ").append(e.getKey()).append('\n');
      for (Struct s : e.getValue()) {
        sb.append("  ").append(s).append('\n');
      }
    }
    sb.append("deletes ").append(d.deletes().sortAndMerge()).append('\n');
    return sb.toString();
  }
}
