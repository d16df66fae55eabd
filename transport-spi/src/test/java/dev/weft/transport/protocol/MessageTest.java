package dev.weft.transport.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.DecodingException.Reason;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors written by y-protocols 1.0.7 with yjs 13.6.33 (node, ESM):
 *
 * <pre>
 * const doc = new Y.Doc(); doc.clientID = 1; doc.getText('t').insert(0, 'abc')
 * let e = encoding.createEncoder(); encoding.writeVarUint(e, 0); sync.writeSyncStep1(e, doc)
 *   // step1
 * e = ...; encoding.writeVarUint(e, 0); sync.writeSyncStep2(e, doc, new Uint8Array([0]))   // step2
 * e = ...; encoding.writeVarUint(e, 0); sync.writeUpdate(e, Y.encodeStateAsUpdate(doc))    // update
 * const a = new awarenessProtocol.Awareness(doc); a.setLocalState({user:{name:'A'}})
 * e = ...; encoding.writeVarUint(e, 1);
 *   encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(a, [1]))        // awareness
 * a.setLocalState(null); ... the same                                                        // awarenessNull
 * e = ...; encoding.writeVarUint(e, 2); auth.writePermissionDenied(e, 'read-only')          // auth
 * e = ...; encoding.writeVarUint(e, 3)                                                       // query
 * </pre>
 */
class MessageTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] ABC_UPDATE = HEX.parseHex("01010100040101740361626300");

  static final byte[] STEP1 = HEX.parseHex("000003010103");
  static final byte[] STEP2 = HEX.parseHex("00010d01010100040101740361626300");
  static final byte[] UPDATE = HEX.parseHex("00020d01010100040101740361626300");
  static final byte[] AWARENESS = HEX.parseHex("0119010101157b2275736572223a7b226e616d65223a2241227d7d");
  static final byte[] AWARENESS_NULL = HEX.parseHex("0108010102046e756c6c");
  static final byte[] AUTH = HEX.parseHex("020009726561642d6f6e6c79");
  static final byte[] QUERY = HEX.parseHex("03");

  private static final List<byte[]> ALL = List.of(STEP1, STEP2, UPDATE, AWARENESS, AWARENESS_NULL, AUTH, QUERY);

  @Test
  void encode_matchesYProtocols() {
    assertArrayEquals(STEP1, new Message.SyncStep1(HEX.parseHex("010103")).encode());
    assertArrayEquals(STEP2, new Message.SyncStep2(ABC_UPDATE).encode());
    assertArrayEquals(UPDATE, new Message.SyncUpdate(ABC_UPDATE).encode());
    Map<String, Object> state = Map.of("user", Map.of("name", "A"));
    AwarenessUpdate aw = new AwarenessUpdate(List.of(new AwarenessUpdate.Entry(1, 1, state)));
    assertArrayEquals(AWARENESS, new Message.AwarenessMessage(aw).encode());
    AwarenessUpdate gone = new AwarenessUpdate(List.of(new AwarenessUpdate.Entry(1, 2, null)));
    assertArrayEquals(AWARENESS_NULL, new Message.AwarenessMessage(gone).encode());
    assertArrayEquals(AUTH, new Message.PermissionDenied("read-only").encode());
    assertArrayEquals(QUERY, new Message.QueryAwareness().encode());
  }

  @Test
  void decode_yProtocolsBytes_givesTheVariants() {
    assertEquals(new Message.SyncStep1(HEX.parseHex("010103")), Message.decode(STEP1));
    assertEquals(new Message.SyncStep2(ABC_UPDATE), Message.decode(STEP2));
    assertEquals(new Message.SyncUpdate(ABC_UPDATE), Message.decode(UPDATE));
    Message.AwarenessMessage a = (Message.AwarenessMessage) Message.decode(AWARENESS);
    AwarenessUpdate.Entry e = a.update().entries().get(0);
    assertEquals(1, e.clientId());
    assertEquals(1, e.clock());
    assertEquals(Map.of("user", Map.of("name", "A")), e.state());
    assertEquals(null, ((Message.AwarenessMessage) Message.decode(AWARENESS_NULL)).update().entries().get(0).state());
    assertEquals(new Message.PermissionDenied("read-only"), Message.decode(AUTH));
    assertEquals(new Message.QueryAwareness(), Message.decode(QUERY));
  }

  @Test
  void decodeThenEncode_isIdentity() {
    for (byte[] m : ALL) {
      assertArrayEquals(m, Message.decode(m).encode(), HEX.formatHex(m));
    }
  }

  @Test
  void decode_everyStrictPrefix_isTruncatedOrEmpty() {
    for (byte[] m : ALL) {
      for (int len = 0; len < m.length; len++) {
        byte[] prefix = java.util.Arrays.copyOf(m, len);
        DecodingException e = assertThrows(DecodingException.class, () -> Message.decode(prefix),
            HEX.formatHex(prefix));
        assertTrue(e.reason() == Reason.TRUNCATED || e.reason() == Reason.LENGTH_OUT_OF_RANGE, e.getMessage());
      }
    }
  }

  @Test
  void decode_unknownOuterType_isUnknownTagAtZero() {
    DecodingException e = assertThrows(DecodingException.class, () -> Message.decode(new byte[] {4}));
    assertEquals(Reason.UNKNOWN_TAG, e.reason());
    assertEquals(0, e.offset());
  }

  @Test
  void decode_unknownSyncOrAuthType_isUnknownTagAtOne() {
    DecodingException sync = assertThrows(DecodingException.class, () -> Message.decode(new byte[] {0, 3, 0}));
    assertEquals(Reason.UNKNOWN_TAG, sync.reason());
    assertEquals(1, sync.offset());
    DecodingException auth = assertThrows(DecodingException.class, () -> Message.decode(new byte[] {2, 1, 0}));
    assertEquals(Reason.UNKNOWN_TAG, auth.reason());
  }

  @Test
  void decode_trailingBytes_isRejected() {
    byte[] longer = java.util.Arrays.copyOf(STEP1, STEP1.length + 1);
    assertEquals(Reason.TRAILING_BYTES, assertThrows(DecodingException.class, () -> Message.decode(longer)).reason());
    assertEquals(Reason.TRAILING_BYTES, assertThrows(DecodingException.class, () -> Message.decode(new byte[] {3, 0})).reason());
  }

  @Test
  void decode_awarenessWithBadJson_isBadJsonAtTheString() {
    // [1, len, n=1, client 1, clock 1, "{x"]
    byte[] bad = {1, 6, 1, 1, 1, 2, '{', 'x'};
    DecodingException e = assertThrows(DecodingException.class, () -> Message.decode(bad));
    assertEquals(Reason.BAD_JSON, e.reason());
    assertEquals(5, e.offset());
  }
}
