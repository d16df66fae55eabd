package dev.weft.transport;

import dev.weft.crdt.encoding.Decoder;
import java.util.HashMap;
import java.util.Map;

/** Compares encoded state vectors ({@code varUint n · n × (client, clock)}). */
final class StateVectorOrder {
  private StateVectorOrder() {}

  /** Whether {@code theirs} knows some client further than {@code ours} does. */
  static boolean isAhead(byte[] theirs, byte[] ours) {
    Map<Long, Long> mine = decode(ours);
    Decoder d = new Decoder(theirs);
    int n = d.readCount("state vector entries", 2);
    for (int i = 0; i < n; i++) {
      long client = d.readVarUint();
      long clock = d.readVarUint();
      if (clock > mine.getOrDefault(client, 0L)) {
        return true;
      }
    }
    return false;
  }

  private static Map<Long, Long> decode(byte[] sv) {
    Decoder d = new Decoder(sv);
    int n = d.readCount("state vector entries", 2);
    Map<Long, Long> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      out.put(d.readVarUint(), d.readVarUint());
    }
    return out;
  }
}
