package dev.weft.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YMap;
import dev.weft.crdt.internal.YjsV2Vectors.Vector;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weft's update v2 against bytes written by real Yjs ({@link YjsV2Vectors}). Text, XML and
 * subdocuments are built by applying Yjs's updates, since crdt-core has no text API.
 */
class UpdateV2YjsVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<Vector> vectors() {
    return YjsV2Vectors.ALL.stream();
  }

  private static byte[] b(String hex) {
    return HEX.parseHex(hex);
  }

  private static String h(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  private static Doc doc(Vector v) {
    Doc d = new Doc(999);
    d.setGc(v.gc());
    return d;
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void convertV1ToV2_matchesYjs(Vector v) {
    assertEquals(v.conv12() == null ? v.v2() : v.conv12(), h(UpdateFormats.convertV1ToV2(b(v.v1()))));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void convertV2ToV1_matchesYjs(Vector v) {
    assertEquals(v.conv21() == null ? v.v1() : v.conv21(), h(UpdateFormats.convertV2ToV1(b(v.v2()))));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void docFromV1_encodesYjsV2(Vector v) {
    Doc d = doc(v);
    d.applyUpdate(b(v.v1()));
    assertEquals(v.v2(), h(d.encodeStateAsUpdateV2()));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void docFromV2_encodesYjsV1AndV2(Vector v) {
    Doc d = doc(v);
    d.applyUpdateV2(b(v.v2()));
    assertEquals(v.v2(), h(d.encodeStateAsUpdateV2()));
    assertEquals(v.v1(), h(d.encodeStateAsUpdate()));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void replicaApplyingTransactions_emitsYjsUpdateV2(Vector v) {
    Doc d = doc(v);
    List<String> emitted = new ArrayList<>();
    d.onUpdateV2((update, origin, tx) -> emitted.add(h(update)));
    for (String u : v.txV2()) {
      d.applyUpdateV2(b(u));
    }
    assertEquals(v.remoteV2(), emitted);
    assertEquals(v.v2(), h(d.encodeStateAsUpdateV2()));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void mergeDiffAndStateVector_matchYjs(Vector v) {
    List<byte[]> tx = v.txV2().stream().map(UpdateV2YjsVectorsTest::b).toList();
    assertEquals(v.mergedV2(), h(Updates.mergeUpdatesV2(tx)));
    assertEquals(v.diffV2(), h(Updates.diffUpdateV2(b(v.v2()), new byte[] {1, 1, 2})));
    assertEquals(v.svFromV2(), h(Updates.encodeStateVectorFromUpdateV2(b(v.v2()))));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void detect_tellsTheFormatsApart(Vector v) {
    assertEquals(UpdateFormats.Format.V1, UpdateFormats.detect(b(v.v1())));
    assertEquals(UpdateFormats.Format.V2, UpdateFormats.detect(b(v.v2())));
  }

  /** The "map-api" scenario replayed through Weft's public API emits Yjs's updateV2 bytes. */
  @Test
  void publicApi_emitsYjsUpdateV2PerTransaction() {
    Vector v = YjsV2Vectors.ALL.stream().filter(x -> x.name().equals("map-api")).findFirst().orElseThrow();
    Doc d = new Doc(1);
    List<String> emitted = new ArrayList<>();
    d.onUpdateV2((update, origin, tx) -> emitted.add(h(update)));
    YMap m = d.getMap("cfg");
    m.set("a", 1);
    m.set("b", "two");
    m.set("a", 3.25);
    d.transact(tx -> {
      m.set("c", List.of(1, "x"));
      m.delete("b");
    });
    YArray arr = d.getArray("list");
    arr.insert(0, "p", "q", "r");
    arr.delete(1, 1);
    arr.insert(1, (Object) Map.of("k", "v"));
    assertEquals(v.txV2(), emitted);
    assertEquals(v.v2(), h(d.encodeStateAsUpdateV2()));
  }

  @Test
  void pendingStructs_areIncludedLikeYjs() {
    Doc d = new Doc(6);
    for (String p : YjsV2Vectors.PENDING_PARTS) {
      d.applyUpdate(b(p));
    }
    d.getMap("own").set("k", 1);
    assertEquals(YjsV2Vectors.PENDING_V1, h(d.encodeStateAsUpdate()));
    assertEquals(YjsV2Vectors.PENDING_V2, h(d.encodeStateAsUpdateV2()));
    assertEquals(YjsV2Vectors.PENDING_DIFF_V2, h(d.encodeStateAsUpdateV2(b("010504"))));
  }

  @Test
  void pendingStructs_arriveAsV2() {
    Doc d = new Doc(6);
    for (String p : YjsV2Vectors.PENDING_PARTS) {
      d.applyUpdateV2(UpdateFormats.convertV1ToV2(b(p)));
    }
    d.getMap("own").set("k", 1);
    assertEquals(YjsV2Vectors.PENDING_V2, h(d.encodeStateAsUpdateV2()));
  }
}
