package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Contents that share instances or arrays between items: cutting and joining the items that hold
 * them must never change what another item sees.
 */
class SharedContentTest {

  @Test
  void deletedContent_shortLengthsAreShared() {
    assertSame(DeletedContent.of(3), DeletedContent.of(3));
  }

  @Test
  void splittingAndMergingAnItem_leavesSharedDeletedContentAlone() {
    DeletedContent five = DeletedContent.of(5);
    Item item = new Item(1, 0, null, null, five);
    Item right = item.split(null, 2);
    assertEquals(5, five.length());
    assertEquals(5, DeletedContent.of(5).length());
    assertEquals(2, item.content.length());
    assertEquals(3, right.content.length());

    assertTrue(item.mergeWith(right));
    assertEquals(5, item.content.length());
    assertEquals(2, DeletedContent.of(2).length());
    assertEquals(3, DeletedContent.of(3).length());
  }

  @Test
  void deletedContent_spliceAndCopy_leaveTheInstanceWhole() {
    DeletedContent four = DeletedContent.of(4);
    assertEquals(3, four.splice(1).length());
    assertEquals(4, four.length());
    assertSame(four, four.copy());
  }

  @Test
  void latin1Text_oneUnitRunsAreNotChangedThroughAnother() {
    StringContent a = new StringContent("a");
    StringContent other = new StringContent("a");
    a.mergeWith(new StringContent("bc"));
    assertEquals("abc", a.string());
    assertEquals("a", other.string());

    StringContent left = new StringContent("ab");
    StringContent rest = (StringContent) left.splice(1);
    left.mergeWith(new StringContent("x"));
    rest.mergeWith(new StringContent("y"));
    assertEquals("ax", left.string());
    assertEquals("by", rest.string());
    assertEquals("a", other.string());
  }

  @Test
  void mixedText_keepsUtf16UnitsAndCutsPairsAsBefore() {
    StringContent s = new StringContent("a\u00e9");
    s.mergeWith(new StringContent("\u20ac\uD83D\uDE00z"));
    assertEquals("a\u00e9\u20ac\uD83D\uDE00z", s.string());
    assertEquals(6, s.length());

    StringContent rest = (StringContent) s.splice(4);
    assertEquals("a\u00e9\u20ac\uFFFD", s.string());
    assertEquals("\uFFFDz", rest.string());

    StringContent latin = (StringContent) s.splice(2);
    assertEquals("a\u00e9", s.string());
    assertEquals("\u20ac\uFFFD", latin.string());
  }
}
