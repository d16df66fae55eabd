package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.weft.crdt.Doc;
import dev.weft.crdt.encoding.DecodingException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link UpdateMerger#mergeV1} against hand-built updates and against bytes produced by
 * {@code Y.mergeUpdates} of yjs 13.6.33 (the JS is quoted above each vector).
 */
class UpdateMergerTest {
  static final HexFormat HEX = HexFormat.of();

  static byte[] unhex(String hex) {
    return HEX.parseHex(hex.replace(" ", ""));
  }

  static String merge(String... updates) {
    return HEX.formatHex(UpdateMerger.mergeV1(java.util.Arrays.stream(updates).map(UpdateMergerTest::unhex).toList()));
  }

  @Test
  void mergeV1_singleUpdate_isReturnedAsIs() {
    byte[] u = unhex("01 01 01 00 04 01 01 74 02 61 62 00");
    assertSame(u, UpdateMerger.mergeV1(List.of(u)));
  }

  /*
   * const d = new Y.Doc(); d.clientID = 1; const u = []; d.on('update', x => u.push(x))
   * const t = d.getText('t'); t.insert(0, 'a'); t.insert(1, 'b'); t.insert(2, 'c')
   * Y.mergeUpdates([u[0], u[2]])
   */
  @Test
  void mergeV1_gapInClientHistory_becomesSkip() {
    String u0 = "0101010004010174016100";
    String u2 = "01010102840101016300";
    assertEquals("01 03 01 00 04 01 01 74 01 61 0a 01 84 01 01 01 63 00".replace(" ", ""), merge(u0, u2));
    assertEquals("010301000401017401610a01840101016300", merge(u2, u0));
  }

  @Test
  void mergeV1_duplicates_collapse() {
    String u = "01010100040101740161 00".replace(" ", "");
    assertEquals(u, merge(u, u, u));
  }

  /*
   * const d = new Y.Doc(); d.clientID = 5; const t = d.getText('t'); t.insert(0, 'hello'); t.insert(5, ' world')
   * const full = Y.encodeStateAsUpdate(d)
   * const a = Y.diffUpdate(full, new Uint8Array([1, 5, 2])), b = Y.diffUpdate(full, new Uint8Array([1, 5, 7]))
   * Y.mergeUpdates([b, a])
   */
  @Test
  void mergeV1_overlappingParts_areSliced() {
    String from2 = "01010502840501096c6c6f20776f726c6400";
    String from7 = "01010507840506046f726c6400";
    assertEquals("01010502840501096c6c6f20776f726c6400", merge(from7, from2));
    assertEquals("01010502840501096c6c6f20776f726c6400", merge(from2, from7));
  }

  /*
   * Hand-built; Y.mergeUpdates([b, a]) gives the same bytes:
   * b = GC(1:0, len 2); a = item "abc" at 1:1 with origin 1:0 and right origin 2:7
   */
  @Test
  void mergeV1_itemSlice_getsOriginBeforeCutAndKeepsRightOrigin() {
    String b = "01 01 01 00 00 02 00";
    String a = "01 01 01 01 c4 01 00 02 07 03 61 62 63 00";
    // a is cut after one unit: origin 1:1, right origin 2:7 kept, content "bc"
    assertEquals("010201000002c40101020702626300", merge(b, a));
    assertEquals("010201000002c40101020702626300", merge(a, b));
    byte[] in = unhex(a);
    byte[] copy = in.clone();
    UpdateMerger.mergeV1(List.of(unhex(b), in));
    assertArrayEquals(copy, in);
  }

  @Test
  void mergeV1_adjacentGcs_join() {
    // as Y.mergeUpdates: one GC of length 5
    assertEquals("01010100000500", merge("01010100000200", "01010102000300"));
  }

  @Test
  void mergeV1_deleteSets_unionSortedClientsDescending() {
    String a = "00 01 01 02 05 01 00 01".replace(" ", ""); // client 1: [5,6) [0,1)
    String b = "00 02 01 01 01 02 07 01 01 02".replace(" ", ""); // client 1: [1,3); client 7: [1,3)
    // as Y.mergeUpdates: client 7 first, then client 1 with [0,3) and [5,6)
    assertEquals("000207010102010200030501", merge(a, b));
    assertEquals("000207010102010200030501", merge(b, a));
  }

  /*
   * const a = new Y.Doc(); a.clientID = 1; const b = new Y.Doc(); b.clientID = 2; const u = []
   * a.on('update', x => u.push(x)); b.on('update', x => u.push(x))
   * a.getArray('l').insert(0, [1, 2, 3]); Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
   * b.getArray('l').delete(1, 1); b.getArray('l').insert(0, ['z']); a.getArray('l').push([{ k: 'v' }])
   * Y.mergeUpdates([u[3], u[1], u[0], u[2], u[1]])
   */
  @Test
  void mergeV1_twoClientsOutOfOrderWithDuplicates_matchesYjs() {
    String u0 = "010101000801016c037d017d027d0300";
    String u2 = "000101010101";
    String u3 = "010102004801000177017a00";
    assertEquals("020102004801000177017a0101000801016c037d017d027d030101010101", merge(u3, u0, u0, u2, u0));
  }

  @Test
  void mergeV1_trailingBytes_areRejected() {
    assertThrows(DecodingException.class, () -> merge("0101010004010174016100", "0101010004010174016100ff"));
  }

  @Test
  void mergeV1_truncatedInput_isRejected() {
    assertThrows(DecodingException.class, () -> merge("0101010004010174016100", "01010100040101"));
  }

  /*
   * Yjs allows clocks up to 2^53 and would merge GC(1:0) and GC(1:2^40) into one update with a
   * Skip of 2^40 - 1 clocks. Weft refuses clocks past 2^31 - 1 (no real client gets there), so
   * that no length can wrap around.
   */
  @Test
  void mergeV1_clocksPastTheLimit_areRefusedQuickly() {
    DecodingException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
        assertThrows(DecodingException.class, () -> merge("01010100000100", "010101808080808020000100")));
    assertEquals(DecodingException.Reason.LENGTH_OUT_OF_RANGE, e.reason());
  }

  /** GC(1:2^31-2) of length 2^31-1: its end does not fit an int, and must still be seen as too far. */
  @Test
  void applyUpdate_structEndingPastTheLimit_isRefused() {
    byte[] update = unhex("01 01 01 fe ff ff ff 07 00 ff ff ff ff 07 00");
    Doc doc = new Doc(1);
    DecodingException e = assertThrows(DecodingException.class, () -> doc.applyUpdate(update));
    assertEquals(DecodingException.Reason.LENGTH_OUT_OF_RANGE, e.reason());
    assertEquals(DecodingException.Reason.LENGTH_OUT_OF_RANGE,
        assertThrows(DecodingException.class, () -> merge("01 01 01 00 00 01 00", HEX.formatHex(update))).reason());
  }

  @Test
  void applyUpdate_updatesFarAhead_areRefusedAndChangeNothing() {
    Doc doc = new Doc(9);
    // client 7: item "a" at clock 5 after 7:4 (pending), then item "b" at clock 2^40 after 7:(2^40-1)
    byte[] near = unhex("01 01 07 05 84 07 04 01 61 00");
    byte[] far = unhex("01 01 07 80 80 80 80 80 20 84 07 ff ff ff ff ff 1f 01 62 00");
    doc.applyUpdate(near);
    byte[] before = doc.encodeStateAsUpdate();
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(DecodingException.class, () -> doc.applyUpdate(far)));
    assertArrayEquals(before, doc.encodeStateAsUpdate());
  }

  /*
   * Origins are kept as int clocks in items: an origin past 2^31 - 1 names a struct no update may
   * carry, so the update is refused as out of range, like a struct that reaches there.
   */
  @Test
  void applyUpdate_originPastTheClockLimit_isRefusedAndChangesNothing() {
    Doc doc = new Doc(9);
    doc.applyUpdate(unhex("01 01 07 05 84 07 04 01 61 00"));
    byte[] before = doc.encodeStateAsUpdate();
    // client 7: item "a" at clock 0, inserted after 8:2^40
    byte[] far = unhex("01 01 07 00 84 08 80 80 80 80 80 20 01 61 00");
    DecodingException e = assertThrows(DecodingException.class, () -> doc.applyUpdate(far));
    assertEquals(DecodingException.Reason.LENGTH_OUT_OF_RANGE, e.reason());
    assertArrayEquals(before, doc.encodeStateAsUpdate());
  }
}
