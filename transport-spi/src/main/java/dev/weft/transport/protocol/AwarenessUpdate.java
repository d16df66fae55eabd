package dev.weft.transport.protocol;

import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.Encoder;
import dev.weft.crdt.encoding.Json;
import dev.weft.crdt.encoding.Undefined;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload of an awareness message: for each client, its latest state and the clock of that
 * state. y-protocols {@code encodeAwarenessUpdate} / {@code applyAwarenessUpdate}.
 *
 * <pre>
 * varUint(n) · n × ( varUint clientId · varUint clock · varString(JSON.stringify(state)) )
 * </pre>
 *
 * A {@code null} state (JSON text {@code null}) says the client is gone.
 *
 * @param entries one entry per client, in wire order
 */
public record AwarenessUpdate(List<Entry> entries) {

  /**
   * One client's state.
   *
   * @param clientId the client, as {@code doc.clientID} in Yjs
   * @param clock grows by one on every change of that client's state
   * @param state a JSON value (maps, lists, strings, numbers, booleans), or null when removed
   */
  public record Entry(long clientId, long clock, Object state) {}

  public AwarenessUpdate {
    entries = List.copyOf(entries);
  }

  public byte[] encode() {
    Encoder e = new Encoder();
    e.writeVarUint(entries.size());
    for (Entry en : entries) {
      e.writeVarUint(en.clientId());
      e.writeVarUint(en.clock());
      e.writeVarString(Json.stringify(en.state()));
    }
    return e.toByteArray();
  }

  /** Parses an awareness update that fills {@code bytes}. */
  public static AwarenessUpdate decode(byte[] bytes) {
    return decode(bytes, 0);
  }

  /** As {@link #decode(byte[])}, reporting offsets relative to {@code base}. */
  static AwarenessUpdate decode(byte[] bytes, long base) {
    Decoder d = new Decoder(bytes, 0, bytes.length, base);
    int n = d.readCount("awareness entries", 3);
    List<Entry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long client = d.readVarUint();
      long clock = d.readVarUint();
      long textAt = d.offset();
      String text = d.readVarString();
      Object state;
      try {
        state = Json.parse(text);
      } catch (DecodingException ex) {
        throw new DecodingException(DecodingException.Reason.BAD_JSON, textAt, ex.getMessage());
      }
      if (state == Undefined.INSTANCE) {
        throw new DecodingException(DecodingException.Reason.BAD_JSON, textAt, "undefined is not JSON");
      }
      out.add(new Entry(client, clock, state));
    }
    d.requireEnd("the awareness update");
    return new AwarenessUpdate(out);
  }

  /**
   * One update with the newest entry of each client found in {@code updates}: what a receiver
   * would know after applying them all. On equal clocks a removal wins, as in
   * {@code applyAwarenessUpdate}.
   */
  public static AwarenessUpdate merge(List<AwarenessUpdate> updates) {
    Map<Long, Entry> newest = new LinkedHashMap<>();
    for (AwarenessUpdate u : updates) {
      for (Entry e : u.entries) {
        Entry prev = newest.get(e.clientId());
        if (prev == null || prev.clock() < e.clock() || (prev.clock() == e.clock() && e.state() == null)) {
          newest.put(e.clientId(), e);
        }
      }
    }
    return new AwarenessUpdate(new ArrayList<>(newest.values()));
  }
}
