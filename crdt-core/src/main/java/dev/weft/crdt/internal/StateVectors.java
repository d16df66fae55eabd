package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.DecodingException.Reason;
import dev.weft.crdt.encoding.Encoder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state vector codec: {@code varUint(n) · n × (varUint client · varUint clock)}, clients in
 * descending order. A state vector says, for each client, the next clock a replica expects.
 */
public final class StateVectors {
  private StateVectors() {}

  public static byte[] encode(Map<Long, Long> sv) {
    Encoder enc = new Encoder();
    write(enc, sv);
    return enc.toByteArray();
  }

  public static void write(Encoder enc, Map<Long, Long> sv) {
    TreeMap<Long, Long> sorted = new TreeMap<>(sv);
    enc.writeVarUint(sorted.size());
    for (Map.Entry<Long, Long> e : sorted.descendingMap().entrySet()) {
      enc.writeVarUint(e.getKey());
      enc.writeVarUint(e.getValue());
    }
  }

  /** Decodes a state vector; the whole input must be one. */
  public static TreeMap<Long, Long> decode(byte[] bytes) {
    Decoder dec = new Decoder(bytes);
    TreeMap<Long, Long> sv = read(dec);
    dec.requireEnd("the state vector");
    return sv;
  }

  public static TreeMap<Long, Long> read(Decoder dec) {
    int n = dec.readCount("state vector entry", 2);
    TreeMap<Long, Long> sv = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      long start = dec.offset();
      long client = dec.readVarUint();
      long clock = dec.readVarUint();
      if (sv.put(client, clock) != null) {
        throw new dev.weft.crdt.encoding.DecodingException(Reason.INCONSISTENT, start,
            "client " + client + " appears twice in a state vector");
      }
    }
    return sv;
  }
}
