package dev.weft.crdt.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.crdt.Doc;
import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.Encoder;
import dev.weft.crdt.encoding.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Every codec gives back what it was given. */
class CodecProperties {
  @Property
  void varUint_roundTrips(@ForAll @LongRange(min = 0, max = (1L << 53) - 1) long v) {
    Encoder e = new Encoder();
    e.writeVarUint(v);
    Decoder d = new Decoder(e.toByteArray());
    assertEquals(v, d.readVarUint());
    assertFalse(d.hasRemaining());
  }

  @Property
  void varInt_roundTrips(@ForAll @LongRange(min = -(1L << 53) + 1, max = (1L << 53) - 1) long v) {
    Encoder e = new Encoder();
    e.writeVarInt(v);
    Decoder d = new Decoder(e.toByteArray());
    assertEquals(v, d.readVarInt());
    assertFalse(d.hasRemaining());
  }

  @Property
  void varString_roundTrips_withLoneSurrogatesReplaced(@ForAll String s) {
    Encoder e = new Encoder();
    e.writeVarString(s);
    assertEquals(dev.weft.crdt.internal.StringContent.withoutLoneSurrogates(s), new Decoder(e.toByteArray()).readVarString());
  }

  @Provide
  Arbitrary<Object> anyValues() {
    return Arbitraries.longs().map(seed -> randomAny(new Random(seed), 3));
  }

  static Object randomAny(Random r, int depth) {
    switch (r.nextInt(depth > 0 ? 9 : 7)) {
      case 0: return null;
      case 1: return r.nextBoolean();
      case 2: return r.nextInt();
      case 3: return r.nextDouble() * 1e6;
      case 4: return "s" + r.nextInt(1000) + "é😀";
      case 5: return (double) r.nextFloat();
      case 6: return new byte[] {(byte) r.nextInt(), 2, 3};
      case 7: {
        List<Object> l = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          l.add(randomAny(r, depth - 1));
        }
        return l;
      }
      default: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          m.put("k" + r.nextInt(100), randomAny(r, depth - 1));
        }
        return m;
      }
    }
  }

  @Property
  void any_roundTripsToTheSameBytes(@ForAll("anyValues") Object v) {
    Encoder e = new Encoder();
    e.writeAny(v);
    byte[] bytes = e.toByteArray();
    Object back = new Decoder(bytes).readAny();
    Encoder again = new Encoder();
    again.writeAny(back);
    assertArrayEquals(bytes, again.toByteArray());
  }

  @Property
  void json_roundTrips(@ForAll("anyValues") Object v) {
    if (v instanceof byte[] || containsBytes(v)) {
      return;
    }
    String text = Json.stringify(v);
    assertEquals(text, Json.stringify(Json.parse(text)));
  }

  private static boolean containsBytes(Object v) {
    if (v instanceof byte[]) {
      return true;
    }
    if (v instanceof List<?> l) {
      return l.stream().anyMatch(CodecProperties::containsBytes);
    }
    if (v instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(CodecProperties::containsBytes);
    }
    return false;
  }

  /**
   * A document's full state, loaded into a fresh document, gives the same content and state
   * vector, and from then on re-encodes to the same bytes. (The first load may join adjacent GC
   * structs that the original kept apart, as Yjs's does, so only the second encoding is fixed.)
   */
  @Property
  void documentState_roundTripsThroughAFreshDocument(@ForAll long seed) {
    Random r = new Random(seed);
    Doc doc = new Doc(1 + r.nextInt(1000));
    for (int i = 0; i < 40; i++) {
      ConvergenceProperties.RandomEdits.apply(doc, r);
    }
    byte[] state = doc.encodeStateAsUpdate();
    Doc copy = new Doc(5000);
    copy.applyUpdate(state);
    assertEquals(doc.getArray("list").toJson(), copy.getArray("list").toJson());
    assertEquals(doc.getMap("map").toJson(), copy.getMap("map").toJson());
    assertArrayEquals(doc.encodeStateVector(), copy.encodeStateVector());
    byte[] again = copy.encodeStateAsUpdate();
    Doc third = new Doc(5001);
    third.applyUpdate(again);
    assertArrayEquals(again, third.encodeStateAsUpdate());
    assertEquals(dev.weft.crdt.internal.StateVectors.decode(doc.encodeStateVector()),
        dev.weft.crdt.internal.StateVectors.decode(dev.weft.crdt.internal.StateVectors.encode(
            dev.weft.crdt.internal.StateVectors.decode(doc.encodeStateVector()))));
  }
}
