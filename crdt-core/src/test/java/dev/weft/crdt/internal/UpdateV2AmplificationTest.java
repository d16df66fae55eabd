package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.weft.crdt.Doc;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.Encoder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * In v2, runs of equal column values let a few bytes describe any number of structs. A hostile
 * update of a few dozen bytes that claims a hundred million GC structs must be refused before it
 * makes the decoder allocate them.
 */
class UpdateV2AmplificationTest {
  private static byte[] column(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return b;
  }

  /** One client block claiming {@code count} GC structs of length 1, all from repeating columns. */
  static byte[] hugeGcRun(int count) {
    Encoder e = new Encoder();
    e.writeVarUint(0); // feature flag
    e.writeVarBytes(column()); // key clocks
    Encoder clients = new Encoder();
    clients.writeVarInt(7); // client 7, once
    e.writeVarBytes(clients.toByteArray());
    e.writeVarBytes(column()); // left clocks
    e.writeVarBytes(column()); // right clocks
    e.writeVarBytes(column(0)); // infos: GC, repeated for ever
    e.writeVarBytes(column(0)); // strings: none
    e.writeVarBytes(column()); // parent infos
    e.writeVarBytes(column()); // type refs
    Encoder lens = new Encoder();
    lens.writeVarInt(1, true); // length 1 ...
    lens.writeVarUint(count - 2L); // ... repeated count times
    e.writeVarBytes(lens.toByteArray());
    e.writeVarUint(1); // one client block (rest stream from here)
    e.writeVarUint(count);
    e.writeVarUint(0); // first clock
    e.writeVarUint(0); // empty delete set
    return e.toByteArray();
  }

  @Test
  void aHundredMillionStructsFromFortyBytes_areRefused() {
    byte[] update = hugeGcRun(100_000_000);
    Doc doc = new Doc(1);
    byte[] before = doc.encodeStateAsUpdate();
    DecodingException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(DecodingException.class, () -> doc.applyUpdateV2(update)));
    assertEquals(DecodingException.Reason.LENGTH_OUT_OF_RANGE, e.reason());
    assertArrayEquals(before, doc.encodeStateAsUpdate());
  }

  @Test
  void aMillionStructRun_isAccepted() {
    // real documents compress this well too (text typed backwards, then deleted)
    Doc doc = new Doc(1);
    doc.applyUpdateV2(hugeGcRun(1 << 20));
    assertArrayEquals(new byte[] {1, 7, (byte) 0x80, (byte) 0x80, 0x40}, doc.encodeStateVector());
  }
}
