package dev.weft.crdt.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The Latin-1 shortcuts mirror the general string reader and writer: the writer writes exactly the
 * bytes the general writer writes, and the reader reads a string exactly as the general reader
 * does, or declines (reading nothing) when the string is not all Latin-1 or not well formed.
 */
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

  @Property
  void anyString_isReadAsTheGeneralReaderReadsIt(@ForAll @CharRange(from = 0, to = 0x3FF) String text) {
    Encoder e = new Encoder();
    e.writeVarString(text);
    e.writeUint8(7); // what follows must stay where it is
    byte[] bytes = e.toByteArray();
    Decoder general = new Decoder(bytes);
    String expected = general.readVarString();
    Decoder shortcut = new Decoder(bytes);
    byte[] latin1 = shortcut.readVarLatin1String();
    if (expected.chars().allMatch(c -> c <= 0xFF)) {
      assertArrayEquals(expected.getBytes(StandardCharsets.ISO_8859_1), latin1);
    } else {
      assertNull(latin1);
      assertEquals(0, shortcut.position(), "declining reads nothing");
      assertEquals(expected, shortcut.readVarString());
    }
    assertEquals(7, shortcut.readUint8());
  }

  @Property
  void anyBytes_areReadAsTheGeneralReaderReadsThemOrDeclined(@ForAll byte[] raw) {
    Encoder e = new Encoder();
    e.writeVarUint(raw.length);
    e.writeBytes(raw);
    byte[] bytes = e.toByteArray();
    byte[] latin1 = new Decoder(bytes).readVarLatin1String();
    if (latin1 != null) {
      assertEquals(new Decoder(bytes).readVarString(), new String(latin1, StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void everyLatin1Unit_isReadAsTheGeneralReaderReadsIt_andTheNextUnitIsDeclined() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c <= 0xFF; c++) {
      all.append(c);
    }
    Encoder e = new Encoder();
    e.writeVarString(all.toString());
    e.writeVarString(all + "\u0100");
    Decoder d = new Decoder(e.toByteArray());
    assertEquals(all.toString(), new String(d.readVarLatin1String(), StandardCharsets.ISO_8859_1));
    assertNull(d.readVarLatin1String());
    assertEquals(all + "\u0100", d.readVarString());
  }
}
