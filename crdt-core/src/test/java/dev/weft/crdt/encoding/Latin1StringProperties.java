package dev.weft.crdt.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The Latin-1 shortcut writes exactly the bytes the general string writer writes. */
class Latin1StringProperties {

  @Property
  void latin1Slice_isWrittenAsItsString(@ForAll @CharRange(from = 0, to = 0xFF) String text,
      @ForAll @IntRange(min = 0, max = 40) int cutA, @ForAll @IntRange(min = 0, max = 40) int cutB) {
    byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
    int from = Math.min(cutA, latin1.length);
    int to = Math.max(from, latin1.length - Math.min(cutB, latin1.length));
    Encoder expected = new Encoder();
    expected.writeVarString(text.substring(from, to));
    Encoder actual = new Encoder(16); // small: the writer must grow the buffer itself
    actual.writeVarLatin1String(latin1, from, to);
    assertArrayEquals(expected.toByteArray(), actual.toByteArray());
  }

  @Test
  void everyLatin1Unit_isWrittenAsItsString() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    Encoder expected = new Encoder();
    expected.writeVarString(new String(all, StandardCharsets.ISO_8859_1));
    Encoder actual = new Encoder();
    actual.writeVarLatin1String(all, 0, all.length);
    assertArrayEquals(expected.toByteArray(), actual.toByteArray());
  }
}
