package dev.weft.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.crdt.encoding.DecodingException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guards of {@link RelativePosition} that the yjs vectors do not reach: malformed input. */
class RelativePositionTest {
  @Test
  void decode_malformedBytes_raisesTypedErrors() {
    for (String hex : List.of("", "03", "00", "0001", "01", "0105616263", "02", "0201", "00010200ff",
        "00ffffffffffffffffff0100")) {
      byte[] bytes = HexFormat.of().parseHex(hex);
      assertThrows(DecodingException.class, () -> RelativePosition.decode(bytes), hex);
    }
  }

  @Test
  void fromJson_malformed_raisesIllegalArgument() {
    for (String json : List.of("{}", "[]", "{\"tname\":5}", "{\"item\":{\"client\":1}}",
        "{\"item\":{\"client\":-1,\"clock\":0}}", "{\"tname\":\"t\",\"assoc\":\"x\"}")) {
      assertThrows(IllegalArgumentException.class, () -> RelativePosition.fromJson(json), json);
    }
  }

  @Test
  void toAbsolute_unknownContent_isNull() {
    Doc doc = new Doc(1);
    doc.getArray("a").push(1, 2);
    assertNull(new RelativePosition(null, null, new RelativePosition.ItemId(9, 0), 0).toAbsolute(doc));
    assertNull(new RelativePosition(new RelativePosition.ItemId(9, 0), null, null, 0).toAbsolute(doc));
    // an id naming an item that holds no type
    assertNull(new RelativePosition(new RelativePosition.ItemId(1, 0), null, null, 0).toAbsolute(doc));
    assertEquals(Map.of("tname", "a", "assoc", 0), RelativePosition.fromIndex(doc.getArray("a"), 2).toJson());
  }
}
