package dev.weft.text;

import static dev.weft.text.TextTesting.attrs;
import static dev.weft.text.TextTesting.json;
import static dev.weft.text.TextTesting.recordUpdates;
import static dev.weft.text.TextTesting.unhex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Doc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text edits whose updates must be byte-identical to those of yjs 13.6.33. Each test quotes the
 * JavaScript that produced the pinned bytes (with {@code mk(id)} creating a {@code Y.Doc} with that
 * client id and collecting the hex of every {@code 'update'} event).
 */
class YjsTextBytesTest {
  private static Doc doc(long client) {
    return new Doc(client);
  }

  /** {@code t.insert(0, 'abc'); t.format(0, 1, { bold: true })} */
  @Test
  void format_boldOnFirstCharacter_writesStartAndEndMarkers() {
    Doc d = doc(1);
    List<String> ups = recordUpdates(d);
    YText t = YText.of(d, "t");
    t.insert(0, "abc");
    t.format(0, 1, attrs("bold", true));
    assertEquals(List.of(
        "01010100040101740361626300",
        "0102010346010004626f6c640474727565c60100010104626f6c64046e756c6c00"), ups);
    assertEquals("[{\"insert\":\"a\",\"attributes\":{\"bold\":true}},{\"insert\":\"bc\"}]", json(t.toDelta()));
  }

  /**
   * {@code t.insert(0, 'hello', { bold: true }); t.insert(5, ' world'); t.insert(2, 'X', { italic:
   * true }); t.delete(1, 3)}
   */
  @Test
  void insert_withAndWithoutAttributes_thenDeleteAcrossFormats() {
    Doc d = doc(7);
    List<String> ups = recordUpdates(d);
    YText t = YText.of(d, "t");
    t.insert(0, "hello", attrs("bold", true));
    t.insert(5, " world");
    t.insert(2, "X", attrs("italic", true));
    t.delete(1, 3);
    assertEquals(List.of(
        "010307000601017404626f6c6404747275658407000568656c6c6f86070504626f6c64046e756c6c00",
        "01010707c4070507060620776f726c6400",
        "0105070dc607020703066974616c69630474727565c6070d070304626f6c64046e756c6cc4070e07030158c6070f0703066974616c6963046e756c6cc60710070304626f6c64047472756500",
        "0001070202020d05"), ups);
    assertEquals("[{\"insert\":\"hlo world\",\"attributes\":{\"bold\":true}}]", json(t.toDelta()));
  }

  /**
   * {@code t.insert(0, 'hello world'); t.format(0, 11, { bold: true }); t.format(3, 4, { bold: null
   * }); t.format(2, 5, { color: 'red', bold: true }); t.format(0, 11, { bold: null, color: null })}
   */
  @Test
  void format_overlappingRangesAndRemoval() {
    Doc d = doc(3);
    List<String> ups = recordUpdates(d);
    YText t = YText.of(d, "t");
    t.insert(0, "hello world");
    t.format(0, 11, attrs("bold", true));
    t.format(3, 4, attrs("bold", null));
    t.format(2, 5, attrs("color", "red", "bold", true));
    t.format(0, 11, attrs("bold", null, "color", null));
    assertEquals(List.of(
        "01010300040101740b68656c6c6f20776f726c6400",
        "0102030b46030004626f6c64047472756586030a04626f6c64046e756c6c00",
        "0102030dc60302030304626f6c64046e756c6cc60306030704626f6c64047472756500",
        "0102030fc60301030205636f6c6f72052272656422c6030e030705636f6c6f72046e756c6c0103010d02",
        "000103020b020f02"), ups);
    assertEquals("[{\"insert\":\"hello world\"}]", json(t.toDelta()));
  }

  /**
   * {@code t.insert(0, 'ab'); t.insertEmbed(1, { image: 'x.png' }); t.insertEmbed(0, { formula:
   * 'e=mc^2' }, { bold: true }); t.delete(2, 1)}
   */
  @Test
  void insertEmbed_plainAndFormatted() {
    Doc d = doc(4);
    List<String> ups = recordUpdates(d);
    YText t = YText.of(d, "t");
    t.insert(0, "ab");
    t.insertEmbed(1, attrs("image", "x.png"));
    t.insertEmbed(0, attrs("formula", "e=mc^2"), attrs("bold", true));
    t.delete(2, 1);
    assertEquals(List.of(
        "010104000401017402616200",
        "01010402c504000401117b22696d616765223a22782e706e67227d00",
        "0103040346040004626f6c640474727565c504030400147b22666f726d756c61223a22653d6d635e32227dc60404040004626f6c64046e756c6c00",
        "000104010201"), ups);
    assertEquals("[{\"insert\":{\"formula\":\"e=mc^2\"},\"attributes\":{\"bold\":true}},{\"insert\":\"ab\"}]",
        json(t.toDelta()));
    assertEquals(3, t.length());
  }

  /**
   * {@code t.applyDelta([{ insert: 'Gandalf', attributes: { bold: true } }, { insert: ' the ' }, {
   * insert: 'Grey', attributes: { color: '#ccc' } }]); t.applyDelta([{ retain: 3 }, { delete: 2 },
   * { retain: 2, attributes: { italic: true } }, { retain: 3, attributes: { bold: true } }, {
   * insert: '!', attributes: { italic: true } }])}
   */
  @Test
  void applyDelta_insertsRetainsAndDeletes() {
    Doc d = doc(5);
    List<String> ups = recordUpdates(d);
    YText t = YText.of(d, "t");
    t.applyDelta(List.of(new Delta.Insert("Gandalf", attrs("bold", true)), new Delta.Insert(" the "),
        new Delta.Insert("Grey", attrs("color", "#ccc"))));
    t.applyDelta(List.of(new Delta.Retain(3), new Delta.Delete(2), new Delta.Retain(2, attrs("italic", true)),
        new Delta.Retain(3, attrs("bold", true)), new Delta.Insert("!", attrs("italic", true))));
    assertEquals(List.of(
        "010705000601017404626f6c6404747275658405000747616e64616c6686050704626f6c64046e756c6c84050805207468652086050d05636f6c6f720622236363632284050e044772657986051205636f6c6f72046e756c6c00",
        "01070514c605050506066974616c69630474727565c605080509066974616c6963046e756c6cc60515050904626f6c640474727565c6050b050c04626f6c64046e756c6cc60517050c066974616c69630474727565c40518050c0121c60519050c066974616c6963046e756c6c0105010402"), ups);
    assertEquals("[{\"insert\":\"Gan\",\"attributes\":{\"bold\":true}},{\"insert\":\"lf\",\"attributes\":{\"bold\":true,\"italic\":true}},"
        + "{\"insert\":\" th\",\"attributes\":{\"bold\":true}},{\"insert\":\"!\",\"attributes\":{\"italic\":true}},"
        + "{\"insert\":\"e \"},{\"insert\":\"Grey\",\"attributes\":{\"color\":\"#ccc\"}}]", json(t.toDelta()));
  }

  /**
   * Object values compare by identity: the negating format written after "X" reuses the link
   * object, so deleting "X" removes both markers. {@code t.insert(0, 'abc', { link: { href: 'x' }
   * }); t.insert(1, 'X', {}); t.delete(1, 1); t.format(0, 2, { link: { href: 'y' } })}
   */
  @Test
  void objectAttributes_negationReusesTheValueObject() {
    Doc d = doc(6);
    List<String> ups = recordUpdates(d);
    YText t = YText.of(d, "t");
    t.insert(0, "abc", attrs("link", attrs("href", "x")));
    t.insert(1, "X", attrs());
    t.delete(1, 1);
    t.format(0, 2, attrs("link", attrs("href", "y")));
    assertEquals(List.of(
        "0103060006010174046c696e6b0c7b2268726566223a2278227d84060003616263860603046c696e6b046e756c6c00",
        "01030605c606010602046c696e6b046e756c6cc4060506020158c606060602046c696e6b0c7b2268726566223a2278227d00",
        "000106010503",
        "01020608460600046c696e6b0c7b2268726566223a2279227dc606020603046c696e6b0c7b2268726566223a2278227d0106010001"), ups);
    assertEquals("[{\"insert\":\"ab\",\"attributes\":{\"link\":{\"href\":\"y\"}}},{\"insert\":\"c\",\"attributes\":{\"link\":{\"href\":\"x\"}}}]",
        json(t.toDelta()));
  }

  /**
   * Typing after bold text continues it; cutting a surrogate pair leaves U+FFFD. {@code
   * t.insert(0, 'ab'); t.format(0, 1, { bold: true }); t.insert(1, 'x'); t.insert(3, '😀');
   * t.insert(5, 'y'); t.delete(4, 2)}
   */
  @Test
  void insert_afterBoldText_inheritsBold() {
    Doc d = doc(8);
    List<String> ups = recordUpdates(d);
    YText t = YText.of(d, "t");
    t.insert(0, "ab");
    t.format(0, 1, attrs("bold", true));
    t.insert(1, "x");
    t.insert(3, "\uD83D\uDE00");
    t.insert(5, "y");
    t.delete(4, 2);
    assertEquals(List.of(
        "010108000401017402616200",
        "0102080246080004626f6c640474727565c60800080104626f6c64046e756c6c00",
        "01010804c408000803017800",
        "0101080584080104f09f988000",
        "01010807840806017900",
        "000108010602"), ups);
    assertEquals("[{\"insert\":\"ax\",\"attributes\":{\"bold\":true}},{\"insert\":\"b\uFFFD\"}]", json(t.toDelta()));
  }

  /**
   * Formatting past the end appends newlines (for Quill); integer-like keys come first. {@code
   * t.insert(0, 'ab'); t.format(1, 3, { header: 1, 2: 'two', align: 'center' })}
   */
  @Test
  void format_pastTheEnd_appendsNewlines() {
    Doc d = doc(9);
    List<String> ups = recordUpdates(d);
    YText t = YText.of(d, "t");
    t.insert(0, "ab");
    t.format(1, 3, attrs("header", 1, "2", "two", "align", "center"));
    assertEquals(List.of(
        "010109000401017402616200",
        "01070902c6090009010132052274776f22c609020901066865616465720131c60903090105616c69676e082263656e74657222840901020a0a8609060132046e756c6c86090706686561646572046e756c6c86090805616c69676e046e756c6c00"), ups);
    assertEquals("ab\n\n", t.toString());
    assertEquals("[{\"insert\":\"a\"},{\"insert\":\"b\\n\\n\",\"attributes\":{\"2\":\"two\",\"header\":1,\"align\":\"center\"}}]",
        json(t.toDelta()));
  }

  /**
   * Concurrent overlapping bold from two replicas. {@code t1.insert(0, 'hello world');
   * Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1)); t1.format(0, 5, { bold: true }); t2.format(3, 5,
   * { bold: true }); (exchange full states)}
   */
  @Test
  void concurrentFormats_convergeWithYjsBytes() {
    Doc d1 = doc(1);
    Doc d2 = doc(2);
    List<String> u1 = recordUpdates(d1);
    List<String> u2 = recordUpdates(d2);
    YText t1 = YText.of(d1, "t");
    YText t2 = YText.of(d2, "t");
    t1.insert(0, "hello world");
    d2.applyUpdate(d1.encodeStateAsUpdate());
    t1.format(0, 5, attrs("bold", true));
    t2.format(3, 5, attrs("bold", true));
    byte[] s1 = d1.encodeStateAsUpdate();
    byte[] s2 = d2.encodeStateAsUpdate();
    d1.applyUpdate(s2);
    d2.applyUpdate(s1);
    assertEquals(List.of(
        "01010100040101740b68656c6c6f20776f726c6400",
        "0102010b46010004626f6c640474727565c60104010504626f6c64046e756c6c00",
        "01020200c60102010304626f6c640474727565c60107010804626f6c64046e756c6c00"), u1);
    assertEquals(List.of(
        "01010100040101740b68656c6c6f20776f726c6400",
        "01020200c60102010304626f6c640474727565c60107010804626f6c64046e756c6c00",
        "0102010b46010004626f6c640474727565c60104010504626f6c64046e756c6c00"), u2);
    String expected = "[{\"insert\":\"hel\",\"attributes\":{\"bold\":true}},{\"insert\":\"lo\",\"attributes\":{\"bold\":true}},"
        + "{\"insert\":\" wo\"},{\"insert\":\"rld\"}]";
    assertEquals(expected, json(t1.toDelta()));
    assertEquals(expected, json(t2.toDelta()));
  }

  /**
   * Concurrent delete, format and formatted insert. {@code t1.insert(0, 'abcdef'); t1.format(2, 2,
   * { italic: true }); (sync); t1.delete(1, 4); t2.format(0, 6, { italic: true }); t2.insert(3,
   * 'Z', { bold: true }); (exchange full states)}
   */
  @Test
  void concurrentDeleteAndFormat_convergeWithYjsBytes() {
    Doc d1 = doc(1);
    Doc d2 = doc(2);
    List<String> u1 = recordUpdates(d1);
    List<String> u2 = recordUpdates(d2);
    YText t1 = YText.of(d1, "t");
    YText t2 = YText.of(d2, "t");
    t1.insert(0, "abcdef");
    t1.format(2, 2, attrs("italic", true));
    d2.applyUpdate(d1.encodeStateAsUpdate());
    t1.delete(1, 4);
    t2.format(0, 6, attrs("italic", true));
    t2.insert(3, "Z", attrs("bold", true));
    byte[] s1 = d1.encodeStateAsUpdate();
    byte[] s2 = d2.encodeStateAsUpdate();
    d1.applyUpdate(s2);
    d2.applyUpdate(s1);
    assertEquals(List.of(
        "01010100040101740661626364656600",
        "01020106c601010102066974616c69630474727565c601030104066974616c6963046e756c6c00",
        "0001010201040602",
        "01070200460100066974616c69630474727565860105066974616c6963046e756c6cc60102010304626f6c640474727565c602020103066974616c6963046e756c6cc402030103015ac60204010304626f6c64046e756c6cc602050103066974616c6963047472756500"), u1);
    assertEquals(List.of(
        "0105010004010174026162840101026364840103026566c601010102066974616c69630474727565c601030104066974616c6963046e756c6c00",
        "01020200460100066974616c69630474727565860105066974616c6963046e756c6c0101010602",
        "01050202c60102010304626f6c640474727565c602020103066974616c6963046e756c6cc402030103015ac60204010304626f6c64046e756c6cc602050103066974616c6963047472756500",
        "000101010104"), u2);
    String expected = "[{\"insert\":\"a\",\"attributes\":{\"italic\":true}},{\"insert\":\"Z\",\"attributes\":{\"bold\":true}},"
        + "{\"insert\":\"f\",\"attributes\":{\"italic\":true}}]";
    assertEquals(expected, json(t1.toDelta()));
    assertEquals(expected, json(t2.toDelta()));
  }

  /**
   * Event deltas on the local and the remote replica, and the updates (reading the delta may delete
   * redundant formats). {@code t1.observe(e => ev1.push(e.delta)); t2.observe(...);
   * d1.on('update', u => Y.applyUpdate(d2, u)); t1.insert(0, 'hello world', { bold: true });
   * t1.format(2, 5, { bold: null, italic: true }); t1.insertEmbed(3, { img: 1 }); t1.delete(0, 2);
   * t1.insert(1, 'Q'); d1.transact(() => { t1.insert(0, 'A'); t1.format(4, 3, { color: 'red' });
   * t1.delete(8, 2) })}
   */
  @Test
  void events_deltasMatchYjsOnBothReplicas() {
    Doc d1 = doc(1);
    Doc d2 = doc(2);
    List<String> u1 = recordUpdates(d1);
    YText t1 = YText.of(d1, "t");
    YText t2 = YText.of(d2, "t");
    List<String> ev1 = new ArrayList<>();
    List<String> ev2 = new ArrayList<>();
    t1.observe(e -> ev1.add(json(e.delta())));
    t2.observe(e -> ev2.add(json(e.delta())));
    d1.onUpdate((u, o, tx) -> d2.applyUpdate(u));
    t1.insert(0, "hello world", attrs("bold", true));
    t1.format(2, 5, attrs("bold", null, "italic", true));
    t1.insertEmbed(3, attrs("img", 1));
    t1.delete(0, 2);
    t1.insert(1, "Q");
    d1.transact(tx -> {
      t1.insert(0, "A");
      t1.format(4, 3, attrs("color", "red"));
      t1.delete(8, 2);
    });
    List<String> expectedEvents = List.of(
        "[{\"insert\":\"hello world\",\"attributes\":{\"bold\":true}}]",
        "[{\"retain\":2},{\"retain\":5,\"attributes\":{\"bold\":null,\"italic\":true}}]",
        "[{\"retain\":3},{\"insert\":{\"img\":1}}]",
        "[{\"delete\":2},{\"retain\":6,\"attributes\":{\"bold\":null}},{\"retain\":4,\"attributes\":{\"bold\":true}}]",
        "[{\"retain\":1},{\"insert\":\"Q\",\"attributes\":{\"italic\":true}}]",
        "[{\"insert\":\"A\"},{\"retain\":3},{\"retain\":3,\"attributes\":{\"color\":\"red\"}},{\"retain\":1},{\"delete\":2}]");
    assertEquals(expectedEvents, ev1);
    assertEquals(expectedEvents, ev2);
    assertEquals(List.of(
        "010301000601017404626f6c6404747275658401000b68656c6c6f20776f726c6486010b04626f6c64046e756c6c00",
        "0104010dc60102010304626f6c64046e756c6cc6010d0103066974616c69630474727565c60107010804626f6c640474727565c6010f0108066974616c6963046e756c6c00",
        "01030111c601030104066974616c6963046e756c6cc501110104097b22696d67223a317dc601120104066974616c6963047472756500",
        "0001010200030d01",
        "01010114c401030111015100",
        "01030115c4010d010e0141c60112011305636f6c6f72052272656422c60106010705636f6c6f72046e756c6c0101010802"), u1);
    assertEquals("[{\"insert\":\"A\"},{\"insert\":\"lQ\",\"attributes\":{\"italic\":true}},{\"insert\":{\"img\":1}},"
        + "{\"insert\":\"lo \",\"attributes\":{\"color\":\"red\",\"italic\":true}},{\"insert\":\"w\",\"attributes\":{\"italic\":true}},"
        + "{\"insert\":\"ld\",\"attributes\":{\"bold\":true}}]", json(t2.toDelta()));
  }

  /**
   * A root filled by an update before it is first used as text: like Yjs, the first edits start
   * from search markers, without the formatting collected on the way. {@code t1.insert(0, 'xyz', {
   * italic: true }); t1.insert(3, 'Q'); t1.insert(4, 'w'); Y.applyUpdate(d2,
   * Y.encodeStateAsUpdate(d1)); const t2 = d2.getText('t'); t2.delete(3, 1); t2.insert(2, 'k');
   * t2.insert(5, 'm')}, updates of d2.
   */
  @Test
  void rootTypedAfterFormattedUpdate_editsLikeAFreshYjsText() {
    Doc d1 = doc(1);
    YText t1 = YText.of(d1, "t");
    t1.insert(0, "xyz", attrs("italic", true));
    t1.insert(3, "Q");
    t1.insert(4, "w");
    Doc d2 = doc(2);
    List<String> ups = recordUpdates(d2);
    d2.applyUpdate(d1.encodeStateAsUpdate());
    YText t2 = YText.of(d2, "t");
    t2.delete(3, 1);
    t2.insert(2, "k");
    t2.insert(5, "m");
    assertEquals(List.of(
        "0104010006010174066974616c696304747275658401000378797a860103066974616c6963046e756c6cc40103010402517700",
        "000101010501",
        "01010200c401020103016b00",
        "01010201840104016d00"), ups);
    assertEquals("[{\"insert\":\"xykzw\",\"attributes\":{\"italic\":true}},{\"insert\":\"m\"}]", json(t2.toDelta()));
  }

  /** Bytes pinned above decode in a fresh document to the same text. */
  @Test
  void pinnedUpdates_applyToAFreshDocument() {
    Doc d = doc(99);
    d.applyUpdate(unhex("01010100040101740361626300"));
    d.applyUpdate(unhex("0102010346010004626f6c640474727565c60100010104626f6c64046e756c6c00"));
    assertEquals("[{\"insert\":\"a\",\"attributes\":{\"bold\":true}},{\"insert\":\"bc\"}]", json(YText.of(d, "t").toDelta()));
  }
}
