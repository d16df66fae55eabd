package dev.weft.crdt.internal;

import static dev.weft.crdt.internal.UpdateMergerTest.unhex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.crdt.encoding.DecodingException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link UpdateDiffer} against bytes produced by yjs 13.6.33. {@code merged} below is the
 * two-client update of {@code UpdateMergerTest.mergeV1_twoClientsOutOfOrderWithDuplicates_matchesYjs}:
 * client 2's "z" and client 1's [1, 2, 3], with 1:1 deleted.
 */
class UpdateDifferTest {
  static final String MERGED = "020102004801000177017a0101000801016c037d017d027d030101010101";
  /* Y.mergeUpdates of t.insert(0,'a') and t.insert(2,'c') by client 1: 'a', Skip 1, 'c'. */
  static final String WITH_SKIP = "010301000401017401610a01840101016300";

  static String diff(String update, Map<Long, Long> sv) {
    return HexFormat.of().formatHex(UpdateDiffer.diffV1(unhex(update), sv));
  }

  static String sv(String update) {
    return HexFormat.of().formatHex(UpdateDiffer.stateVectorFromUpdateV1(unhex(update)));
  }

  /* Y.diffUpdate(merged, new Uint8Array([0])) */
  @Test
  void diffV1_emptyStateVector_keepsEverything() {
    assertEquals(MERGED, diff(MERGED, Map.of()));
  }

  /* Y.diffUpdate(merged, new Uint8Array([1, 1, 2])): 1:0-2 written from clock 2 with origin 1:1 */
  @Test
  void diffV1_partlyKnownStruct_isWrittenWithOffset() {
    assertEquals("020102004801000177017a010102880101017d030101010101", diff(MERGED, Map.of(1L, 2L)));
  }

  /* Y.diffUpdate(merged, new Uint8Array([2, 1, 3, 2, 1])): no structs, the delete set whole */
  @Test
  void diffV1_everythingKnown_keepsTheDeleteSet() {
    assertEquals("000101010101", diff(MERGED, Map.of(1L, 3L, 2L, 1L)));
  }

  /* Y.diffUpdate(withSkip, new Uint8Array([1, 1, 1])): the Skip at the start of the part is dropped */
  @Test
  void diffV1_skipAtStartOfClientPart_isDropped() {
    assertEquals(WITH_SKIP, diff(WITH_SKIP, Map.of()));
    assertEquals("01010102840101016300", diff(WITH_SKIP, Map.of(1L, 1L)));
  }

  /*
   * const e = new Y.Doc(); e.clientID = 5; e.getText('t').insert(0, 'a😀b')
   * Y.diffUpdate(Y.encodeStateAsUpdate(e), new Uint8Array([1, 5, 2])): the cut half becomes U+FFFD
   */
  @Test
  void diffV1_cutInsideSurrogatePair_writesReplacementCharacter() {
    assertEquals("0101050284050104efbfbd6200", diff("01010500040101740661f09f98806200", Map.of(5L, 2L)));
  }

  /* Y.diffUpdate(<no structs; client 1: [5,6) [0,1); client 7: [1,3)>, [0]): ranges stay as read */
  @Test
  void diffV1_deleteSet_isWrittenAsRead() {
    assertEquals("000207010102010205010001", diff("00 02 01 02 05 01 00 01 07 01 01 02", Map.of()));
  }

  @Test
  void diffV1_trailingBytes_areRejected() {
    assertThrows(DecodingException.class, () -> diff(MERGED + "00", Map.of()));
  }

  /* Y.encodeStateVectorFromUpdate of each input */
  @Test
  void stateVectorFromUpdateV1_countsFromClockZeroUntilASkip() {
    assertEquals("0202010103", sv(MERGED));
    assertEquals("010101", sv(WITH_SKIP));
    assertEquals("00", sv("01010102840101016300")); // starts at clock 2
    assertEquals("00", sv("0000"));
  }

  @Test
  void stateVectorFromUpdateV1_truncatedStructs_areRejected() {
    assertThrows(DecodingException.class, () -> sv("0101010004010174"));
  }
}
