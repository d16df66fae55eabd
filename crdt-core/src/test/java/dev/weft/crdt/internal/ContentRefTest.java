package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.encoding.AnyTag;
import org.junit.jupiter.api.Test;

/** Freezes every wire constant: changing one breaks compatibility with every Yjs peer. */
class ContentRefTest {
  @Test
  void contentRefs_matchYjs() {
    assertEquals(0, ContentRef.GC);
    assertEquals(1, ContentRef.DELETED);
    assertEquals(2, ContentRef.JSON);
    assertEquals(3, ContentRef.BINARY);
    assertEquals(4, ContentRef.STRING);
    assertEquals(5, ContentRef.EMBED);
    assertEquals(6, ContentRef.FORMAT);
    assertEquals(7, ContentRef.TYPE);
    assertEquals(8, ContentRef.ANY);
    assertEquals(9, ContentRef.DOC);
    assertEquals(10, ContentRef.SKIP);
  }

  @Test
  void infoBits_matchYjs() {
    assertEquals(0x1f, ContentRef.REF_MASK);
    assertEquals(0x20, ContentRef.HAS_PARENT_SUB);
    assertEquals(0x40, ContentRef.HAS_RIGHT_ORIGIN);
    assertEquals(0x80, ContentRef.HAS_ORIGIN);
  }

  @Test
  void typeRefs_matchYjs() {
    assertEquals(0, TypeRef.ARRAY);
    assertEquals(1, TypeRef.MAP);
    assertEquals(2, TypeRef.TEXT);
    assertEquals(3, TypeRef.XML_ELEMENT);
    assertEquals(4, TypeRef.XML_FRAGMENT);
    assertEquals(5, TypeRef.XML_HOOK);
    assertEquals(6, TypeRef.XML_TEXT);
  }

  @Test
  void anyTags_matchLib0() {
    int[] tags = {AnyTag.UNDEFINED, AnyTag.NULL, AnyTag.INTEGER, AnyTag.FLOAT32, AnyTag.FLOAT64, AnyTag.BIGINT,
        AnyTag.FALSE, AnyTag.TRUE, AnyTag.STRING, AnyTag.OBJECT, AnyTag.ARRAY, AnyTag.BYTES};
    for (int i = 0; i < tags.length; i++) {
      assertEquals(127 - i, tags[i]);
    }
  }
}
