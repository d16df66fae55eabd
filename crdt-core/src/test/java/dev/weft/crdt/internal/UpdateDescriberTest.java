package dev.weft.crdt.internal;

import static dev.weft.crdt.internal.UpdateMergerTest.unhex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.encoding.DecodingException;
import org.junit.jupiter.api.Test;

/** Freezes the text {@link UpdateDescriber} prints, which the CLI's {@code inspect} shows. */
class UpdateDescriberTest {
  @Test
  void describe_itemsSkipsAndDeletes() {
    assertEquals("""
        client 2: 1 structs
          2:0 any ["z"] right 1:0
        client 1: 1 structs
          1:0-2 any [1,2,3] parent root "l"
        deletes
          1: 1-1
        """, UpdateDescriber.describe(unhex(UpdateDifferTest.MERGED)));
    assertEquals("""
        client 1: 3 structs
          1:0 string "a" parent root "t"
          1:1 skip
          1:2 string "c" origin 1:1
        deletes
        """, UpdateDescriber.describe(unhex(UpdateDifferTest.WITH_SKIP)));
  }

  @Test
  void describe_gcAndMapKeys() {
    // the snapshot of UpdateMergerTest.mergeV1_itemAndGcAtSameId_keepsTheItemAsYjsDoes
    assertEquals("""
        client 2: 2 structs
          2:0 deleted parent root "m" key "n"
          2:1 any [1] origin 2:0
        client 1: 1 structs
          1:0-1 gc
        deletes
          2: 0-0
          1: 0-1
        """, UpdateDescriber.describe(unhex("020202002101016d016e01a80200017d010101000002020201000101010002")));
  }

  @Test
  void describe_longText_isTruncated() {
    String text = "x".repeat(100);
    StringBuilder hex = new StringBuilder("0101010004010174").append("64");
    hex.append("78".repeat(100)).append("00");
    String out = UpdateDescriber.describe(unhex(hex.toString()));
    assertTrue(out.contains("\"" + "x".repeat(60) + "…\""), out);
    assertTrue(!out.contains(text), out);
  }

  @Test
  void describe_malformedInput_isRejected() {
    assertThrows(DecodingException.class, () -> UpdateDescriber.describe(unhex("0101010004")));
  }
}
