package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.crdt.Doc;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.DecodingException.Reason;
import dev.weft.crdt.encoding.Encoder;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Malformed update v2 bytes are rejected with a {@link DecodingException} and change nothing. */
class UpdateDecoderV2Test {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] NONE = {};

  /** An update v2 from its nine columns (in wire order) and the rest. */
  private static byte[] v2(byte[] keyClock, byte[] client, byte[] leftClock, byte[] rightClock, byte[] info,
      byte[] strings, byte[] parentInfo, byte[] typeRef, byte[] len, byte[] rest) {
    Encoder e = new Encoder();
    e.writeVarUint(0);
    for (byte[] col : new byte[][] {keyClock, client, leftClock, rightClock, info, strings, parentInfo, typeRef, len}) {
      e.writeVarBytes(col);
    }
    e.writeBytes(rest);
    return e.toByteArray();
  }

  private static byte[] hex(String s) {
    return HEX.parseHex(s);
  }

  private static Reason reasonOf(byte[] update) {
    Doc d = new Doc(1);
    byte[] before = d.encodeStateAsUpdateV2();
    DecodingException e = assertThrows(DecodingException.class, () -> d.applyUpdateV2(update));
    assertEquals(HEX.formatHex(before), HEX.formatHex(d.encodeStateAsUpdateV2()), "document changed");
    assertThrows(DecodingException.class, () -> UpdateFormats.convertV2ToV1(update));
    return e.reason();
  }

  /** Client 1 writes a format marker (key via key clock 0) into root "t"; value null. */
  private static byte[] formatUpdate(byte[] keyClock, byte[] typeRefUnused) {
    return v2(keyClock, hex("01"), NONE, NONE, hex("06"), hex("0274624100"), hex("01"), typeRefUnused, NONE,
        hex("010100" + "7e" + "00"));
  }

  @Test
  void wellFormedHandBuiltUpdate_isAccepted() {
    byte[] ok = formatUpdate(hex("00"), NONE);
    Doc d = new Doc(5);
    d.applyUpdateV2(ok);
    assertEquals(HEX.formatHex(ok), HEX.formatHex(d.encodeStateAsUpdateV2()));
  }

  @Test
  void negativeKeyClock_isInconsistent() {
    assertEquals(Reason.INCONSISTENT, reasonOf(formatUpdate(hex("42"), NONE)));
  }

  @Test
  void stringColumnTooShort_isLengthOutOfRange() {
    byte[] u = v2(hex("00"), hex("01"), NONE, NONE, hex("06"), hex("0174020101"), hex("01"), NONE, NONE,
        hex("0101007e00"));
    assertEquals(Reason.LENGTH_OUT_OF_RANGE, reasonOf(u));
  }

  @Test
  void unknownTypeRef_isUnknownTag() {
    // a nested type with type ref 9 under root "a"
    byte[] u = v2(NONE, hex("01"), NONE, NONE, hex("07"), hex("016101"), hex("01"), hex("09"), NONE, hex("01010000"));
    assertEquals(Reason.UNKNOWN_TAG, reasonOf(u));
  }

  @Test
  void negativeOriginClock_isInconsistent() {
    // a string item with an origin whose clock column steps below zero
    byte[] u = v2(NONE, hex("0202"), hex("42"), NONE, hex("84"), hex("017801"), NONE, NONE, NONE, hex("01010000"));
    assertEquals(Reason.INCONSISTENT, reasonOf(u));
  }

  @Test
  void trailingColumnData_isRejected() {
    byte[] u = formatUpdate(hex("0000"), NONE);
    assertEquals(Reason.TRAILING_BYTES, reasonOf(u));
  }

  @Test
  void columnLongerThanInput_isLengthOutOfRange() {
    assertEquals(Reason.LENGTH_OUT_OF_RANGE, reasonOf(hex("0005010203")));
  }

  @Test
  void columnsEndedEarly_isTruncated() {
    byte[] u = v2(NONE, NONE, NONE, NONE, hex("06"), NONE, NONE, NONE, NONE, hex("010100"));
    assertEquals(Reason.TRUNCATED, reasonOf(u));
  }

  @Test
  void everyPrefixOfARealUpdate_isRejected() {
    for (YjsV2Vectors.Vector v : YjsV2Vectors.ALL) {
      byte[] u = hex(v.v2());
      for (int n = 0; n < u.length; n++) {
        byte[] prefix = Arrays.copyOf(u, n);
        assertThrows(DecodingException.class, () -> UpdateFormats.decodeV2(prefix), v.name() + " prefix " + n);
      }
    }
  }

  @Test
  void garbage_isNeitherFormat() {
    byte[] garbage = hex("ff00ff");
    assertThrows(DecodingException.class, () -> UpdateFormats.detect(garbage));
    assertFalse(UpdateFormats.isV2(garbage));
  }

  @Property(tries = 300)
  void corruptedUpdates_failOnlyWithDecodingException(@ForAll @IntRange(min = 0, max = 7) int which,
      @ForAll @IntRange(min = 0, max = 10_000) int at, @ForAll byte value) {
    YjsV2Vectors.Vector v = YjsV2Vectors.ALL.get(which % YjsV2Vectors.ALL.size());
    byte[] u = hex(v.v2());
    u[at % u.length] = value;
    Doc d = new Doc(1);
    try {
      d.applyUpdateV2(u);
      UpdateFormats.convertV2ToV1(u);
    } catch (DecodingException expected) {
      // rejected as malformed: fine
    } catch (RuntimeException other) {
      fail("corrupted " + v.name() + " at " + (at % u.length) + " raised " + other, other);
    }
  }
}
