package dev.weft.crdt.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.Encoder;
import dev.weft.crdt.encoding.Undefined;
import dev.weft.crdt.testing.Canonical;
import dev.weft.crdt.testing.Deliveries;
import dev.weft.crdt.testing.DocEdits;
import dev.weft.crdt.testing.Replicas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Every codec gives back what it was given: lib0 values, state vectors and whole updates. */
class CodecProperties {
  private static final long MAX_SAFE = (1L << 53) - 1;

  @Property
  void varUint_roundTrips(@ForAll @LongRange(min = 0, max = MAX_SAFE) long v) {
    Encoder e = new Encoder();
    e.writeVarUint(v);
    Decoder d = new Decoder(e.toByteArray());
    assertEquals(v, d.readVarUint());
    assertFalse(d.hasRemaining());
  }

  @Property
  void varInt_roundTrips(@ForAll @LongRange(min = -MAX_SAFE, max = MAX_SAFE) long v) {
    Encoder e = new Encoder();
    e.writeVarInt(v);
    Decoder d = new Decoder(e.toByteArray());
    assertEquals(v, d.readVarInt());
    assertFalse(d.hasRemaining());
  }

  /** Sequences of values in one buffer: each read leaves the decoder at the next value. */
  @Property
  void mixedSequences_roundTrip(@ForAll("values") List<Object> values) {
    Encoder e = new Encoder();
    for (Object v : values) {
      if (v instanceof Long l) {
        e.writeVarUint(Math.abs(l) & MAX_SAFE);
      } else if (v instanceof String s) {
        e.writeVarString(s);
      } else {
        e.writeAny(v);
      }
    }
    Decoder d = new Decoder(e.toByteArray());
    for (Object v : values) {
      if (v instanceof Long l) {
        assertEquals(Math.abs(l) & MAX_SAFE, d.readVarUint());
      } else if (v instanceof String s) {
        assertEquals(s, d.readVarString());
      } else {
        assertEquals(Canonical.of(v), Canonical.of(d.readAny()));
      }
    }
    assertFalse(d.hasRemaining());
  }

  /** Well-formed strings (no lone surrogates), from the whole of Unicode. */
  @Provide
  Arbitrary<String> unicode() {
    return Arbitraries.strings().withCharRange(Character.MIN_VALUE, Character.MAX_VALUE).ofMaxLength(40)
        .filter(s -> s.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
        .injectDuplicates(0.0)
        .edgeCases(c -> c.add("\uD83D\uDE00\uD800\uDC00\uDBFF\uDFFF"));
  }

  @Property
  void varString_roundTripsEveryWellFormedString(@ForAll("unicode") String s) {
    Encoder e = new Encoder();
    e.writeVarString(s);
    Decoder d = new Decoder(e.toByteArray());
    assertEquals(s, d.readVarString());
    assertFalse(d.hasRemaining());
  }

  @Provide
  Arbitrary<Object> any() {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        Arbitraries.just(null), Arbitraries.just(Undefined.INSTANCE), Arbitraries.of(true, false),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.doubles().map(x -> (Object) x),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.5, 1e300, (double) (1L << 53)).map(x -> (Object) x),
        Arbitraries.longs().between(-MAX_SAFE, MAX_SAFE).map(x -> (Object) x),
        unicode().map(x -> (Object) x),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(x -> (Object) x));
    return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
        inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l)),
        Arbitraries.maps(unicode(), inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m))), 0, 3);
  }

  @Provide
  Arbitrary<List<Object>> values() {
    return Arbitraries.oneOf(any(), unicode().map(s -> (Object) s), Arbitraries.longs().map(l -> (Object) l))
        .list().ofMaxSize(10);
  }

  /** {@code writeAny} then {@code readAny} gives the value back, and writing that again gives the same bytes. */
  @Property
  void any_roundTrips(@ForAll("any") Object v) {
    Encoder e = new Encoder();
    e.writeAny(v);
    byte[] bytes = e.toByteArray();
    Decoder d = new Decoder(bytes);
    Object back = d.readAny();
    assertFalse(d.hasRemaining());
    Encoder again = new Encoder();
    again.writeAny(back);
    assertArrayEquals(bytes, again.toByteArray());
    if (!containsNaN(v)) {
      assertEquals(Canonical.of(v), Canonical.of(back));
    }
  }

  private static boolean containsNaN(Object v) {
    if (v instanceof Double d) {
      return d.isNaN();
    }
    if (v instanceof List<?> l) {
      return l.stream().anyMatch(CodecProperties::containsNaN);
    }
    return v instanceof Map<?, ?> m && m.values().stream().anyMatch(CodecProperties::containsNaN);
  }

  @Provide
  Arbitrary<Map<Long, Long>> clocks() {
    return Arbitraries.maps(Arbitraries.longs().between(0, MAX_SAFE), Arbitraries.longs().between(0, MAX_SAFE))
        .ofMaxSize(20);
  }

  /** A state vector encodes and decodes to the same clocks; a document's decodes to clocks it re-encodes to. */
  @Property(edgeCases = EdgeCasesMode.FIRST)
  void stateVector_roundTrips(@ForAll("clocks") Map<Long, Long> clocks, @ForAll("edits") List<DocEdits.Edit> edits) {
    assertEquals(clocks, Deliveries.stateVector(Deliveries.stateVector(clocks)));
    Doc doc = ConvergenceProperties.newDoc(1 + clocks.size(), true);
    edits.forEach(e -> DocEdits.apply(doc, e));
    Map<Long, Long> decoded = Deliveries.stateVector(doc.encodeStateVector());
    assertEquals(decoded, Deliveries.stateVector(Deliveries.stateVector(decoded)));
    assertEquals(decoded, Deliveries.stateVector(Updates.encodeStateVectorFromUpdate(doc.encodeStateAsUpdate())));
  }

  @Provide
  Arbitrary<List<DocEdits.Edit>> edits() {
    return DocEdits.edits().list().ofMaxSize(40);
  }

  /**
   * An update decoded by a fresh document and encoded again is the same update: the full state
   * of a document that received a concurrent session round-trips through a fresh document byte
   * for byte, and so does that copy's state.
   */
  @Property(edgeCases = EdgeCasesMode.FIRST)
  void update_decodedAndReencodedByAFreshDocument_isIdentical(
      @ForAll("rounds") List<ConvergenceProperties.Round> rounds, @ForAll long seed, @ForAll boolean gc) {
    List<byte[]> history = MergeProperties.session(rounds, 3, seed, gc);
    Doc doc = ConvergenceProperties.newDoc(9, gc);
    history.forEach(doc::applyUpdate);
    byte[] state = doc.encodeStateAsUpdate();
    Doc copy = ConvergenceProperties.newDoc(10, gc);
    copy.applyUpdate(state);
    Replicas.assertSameState(doc, copy, "full state loaded into a fresh document");
    for (byte[] u : history) {
      Doc single = ConvergenceProperties.newDoc(11, gc);
      single.applyUpdate(u);
      assertArrayEquals(Updates.encodeStateVectorFromUpdate(u), Updates.encodeStateVectorFromUpdate(single.encodeStateAsUpdate()),
          "a lone update's state vector");
    }
  }

  @Provide
  Arbitrary<List<ConvergenceProperties.Round>> rounds() {
    return new ConvergenceProperties().rounds();
  }
}
