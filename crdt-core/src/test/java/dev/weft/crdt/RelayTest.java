package dev.weft.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.encoding.Encoder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A document that only relays and stores must keep every struct and content kind Yjs can send,
 * including kinds whose types it does not know (text and XML are not loaded in this module's
 * tests), and write them back unchanged.
 */
class RelayTest {
  /** Hand-written update v1 of client 5 holding one struct of every kind. */
  private static byte[] everyKind() {
    Encoder e = new Encoder();
    e.writeVarUint(1); // one client
    e.writeVarUint(11); // structs
    e.writeVarUint(5); // client
    e.writeVarUint(0); // first clock
    // 0: GC, length 2 (clocks 0-1)
    e.writeUint8(0);
    e.writeVarUint(2);
    // 2: string "hé😀" in root "t" (clocks 2-5)
    e.writeUint8(4);
    e.writeVarUint(1);
    e.writeVarString("t");
    e.writeVarString("hé😀");
    // 6: embed after it
    e.writeUint8(0x80 | 5);
    e.writeVarUint(5);
    e.writeVarUint(5);
    e.writeVarString("{\"image\":\"x.png\"}");
    // 7: format
    e.writeUint8(0x80 | 6);
    e.writeVarUint(5);
    e.writeVarUint(6);
    e.writeVarString("bold");
    e.writeVarString("true");
    // 8: deleted content, length 2 (clocks 8-9)
    e.writeUint8(0x80 | 1);
    e.writeVarUint(5);
    e.writeVarUint(7);
    e.writeVarUint(2);
    // 10: legacy JSON content, two values (clocks 10-11), in root "a"
    e.writeUint8(2);
    e.writeVarUint(1);
    e.writeVarString("a");
    e.writeVarUint(2);
    e.writeVarString("{\"x\":1}");
    e.writeVarString("undefined");
    // 12: binary after it
    e.writeUint8(0x80 | 3);
    e.writeVarUint(5);
    e.writeVarUint(11);
    e.writeVarBytes(new byte[] {1, 2, 3});
    // 13: any, three values
    e.writeUint8(0x80 | 8);
    e.writeVarUint(5);
    e.writeVarUint(12);
    e.writeVarUint(3);
    e.writeAny(1.5);
    e.writeAny("s");
    e.writeAny(null);
    // 16: nested XML element "p" (type ref 3) as map value "el" of root "m"
    e.writeUint8(0x20 | 7);
    e.writeVarUint(1);
    e.writeVarString("m");
    e.writeVarString("el");
    e.writeVarUint(3);
    e.writeVarString("p");
    // 17: subdocument in the sequence of root "a"
    e.writeUint8(0x80 | 9);
    e.writeVarUint(5);
    e.writeVarUint(15);
    e.writeVarString("guid-1");
    e.writeAny(java.util.Map.of("gc", false));
    // 18: string inside the XML element (parent = id of the item holding it)
    e.writeUint8(4);
    e.writeVarUint(0);
    e.writeVarUint(5);
    e.writeVarUint(16);
    e.writeVarString("hi");
    // delete set: clocks 0-1 (GC) and 8-9 (deleted content)
    e.writeVarUint(1);
    e.writeVarUint(5);
    e.writeVarUint(2);
    e.writeVarUint(0);
    e.writeVarUint(2);
    e.writeVarUint(8);
    e.writeVarUint(2);
    return e.toByteArray();
  }

  @Test
  void everyKind_isKeptAndWrittenBackUnchanged() {
    byte[] update = everyKind();
    Doc relay = new Doc(1);
    relay.applyUpdate(update);
    assertEquals(HexFormat.of().formatHex(update), HexFormat.of().formatHex(relay.encodeStateAsUpdate()));
    Doc next = new Doc(2);
    next.applyUpdate(relay.encodeStateAsUpdate());
    assertArrayEquals(update, next.encodeStateAsUpdate());
    assertEquals(java.util.Set.of("t", "a", "m"), relay.rootNames());
    assertTrue(relay.get("t") instanceof SharedType);
  }

  @Test
  void skipStructs_arePendingAndRelayed() {
    // clock 0 and clock 2 of client 1 with a Skip between them: only clock 0 can be integrated
    byte[] merged = HexFormat.of().parseHex("010301000401017401610a01840101016300");
    Doc relay = new Doc(9);
    relay.applyUpdate(merged);
    assertEquals("010101", HexFormat.of().formatHex(relay.encodeStateVector()));
    Doc full = new Doc(8);
    full.applyUpdate(relay.encodeStateAsUpdate());
    assertEquals("010101", HexFormat.of().formatHex(full.encodeStateVector()));
  }
}
