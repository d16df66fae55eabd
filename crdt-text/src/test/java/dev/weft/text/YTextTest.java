package dev.weft.text;

import static dev.weft.text.TextTesting.attrs;
import static dev.weft.text.TextTesting.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Doc;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YEvent;
import dev.weft.crdt.YMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YTextTest {
  private final Doc doc = new Doc(1);
  private final YText text = YText.of(doc, "t");

  @Test
  void of_returnsTheSameRootEachTime() {
    assertSame(text, YText.of(doc, "t"));
    assertSame(text, doc.get("t", YText.class));
  }

  @Test
  void insertAndDelete_editPlainText() {
    text.insert(0, "world");
    text.insert(0, "hello ");
    text.delete(5, 1);
    assertEquals("helloworld", text.toString());
    assertEquals(10, text.length());
    assertEquals("helloworld", text.toJson());
  }

  @Test
  void positions_countUtf16CodeUnits() {
    text.insert(0, "a\uD83D\uDE00b");
    assertEquals(4, text.length());
    text.insert(3, "|");
    assertEquals("a\uD83D\uDE00|b", text.toString());
  }

  @Test
  void insert_withoutAttributes_continuesTheFormattingBefore() {
    text.insert(0, "bold", attrs("bold", true));
    text.insert(4, "er");
    text.insert(0, ">");
    assertEquals("[{\"insert\":\">\"},{\"insert\":\"bolder\",\"attributes\":{\"bold\":true}}]", json(text.toDelta()));
  }

  @Test
  void insert_withEmptyAttributes_isUnformatted() {
    text.insert(0, "ab", attrs("bold", true));
    text.insert(1, "-", attrs());
    assertEquals("[{\"insert\":\"a\",\"attributes\":{\"bold\":true}},{\"insert\":\"-\"},{\"insert\":\"b\",\"attributes\":{\"bold\":true}}]",
        json(text.toDelta()));
  }

  @Test
  void format_setsAndRemovesAttributes() {
    text.insert(0, "abcdef");
    text.format(1, 4, attrs("italic", true, "color", "red"));
    text.format(2, 2, attrs("italic", null));
    assertEquals("[{\"insert\":\"a\"},{\"insert\":\"b\",\"attributes\":{\"italic\":true,\"color\":\"red\"}},"
        + "{\"insert\":\"cd\",\"attributes\":{\"color\":\"red\"}},{\"insert\":\"e\",\"attributes\":{\"color\":\"red\",\"italic\":true}},"
        + "{\"insert\":\"f\"}]", json(text.toDelta()));
    text.format(0, 6, attrs("italic", null, "color", null));
    assertEquals("[{\"insert\":\"abcdef\"}]", json(text.toDelta()));
  }

  @Test
  void embeds_countOneAndStayOutOfToString() {
    text.insert(0, "ab");
    text.insertEmbed(1, attrs("image", "cat.png"), attrs("width", 20));
    assertEquals(3, text.length());
    assertEquals("ab", text.toString());
    List<Delta> delta = text.toDelta();
    assertEquals(new Delta.Insert(attrs("image", "cat.png"), attrs("width", 20)), delta.get(1));
  }

  @Test
  void embed_ofASharedType_isReadBackAsThatType() {
    YMap card = new YMap();
    card.set("title", "T");
    text.insertEmbed(0, card);
    YMap read = assertInstanceOf(YMap.class, ((Delta.Insert) text.toDelta().get(0)).insert());
    assertEquals("T", read.get("title"));
  }

  @Test
  void applyDelta_buildsAndEditsFormattedText() {
    text.applyDelta(List.of(new Delta.Insert("Hello "), new Delta.Insert("world", attrs("bold", true))));
    text.applyDelta(List.of(new Delta.Retain(6), new Delta.Delete(1), new Delta.Insert("W", attrs("bold", true)),
        new Delta.Retain(4, attrs("bold", null))));
    assertEquals("[{\"insert\":\"Hello \"},{\"insert\":\"W\",\"attributes\":{\"bold\":true}},{\"insert\":\"orld\"}]",
        json(text.toDelta()));
  }

  @Test
  void toDelta_roundTripsThroughApplyDelta() {
    text.insert(0, "one two three");
    text.format(4, 3, attrs("bold", true));
    text.insertEmbed(8, attrs("x", 1));
    YText copy = YText.of(new Doc(2), "t");
    copy.applyDelta(text.toDelta());
    assertEquals(text.toDelta(), copy.toDelta());
  }

  @Test
  void observe_deliversDeltaWithAttributes() {
    text.insert(0, "abc");
    List<YEvent> events = new ArrayList<>();
    List<String> deltas = new ArrayList<>();
    text.observe(e -> {
      events.add(e);
      deltas.add(json(e.delta()));
    });
    text.format(1, 1, attrs("bold", true));
    text.insert(3, "d", attrs("italic", true));
    text.delete(0, 1);
    assertEquals(List.of(
        "[{\"retain\":1},{\"retain\":1,\"attributes\":{\"bold\":true}}]",
        "[{\"retain\":3},{\"insert\":\"d\",\"attributes\":{\"italic\":true}}]",
        "[{\"delete\":1}]"), deltas);
    YTextEvent first = assertInstanceOf(YTextEvent.class, events.get(0));
    assertSame(text, first.target());
    assertTrue(first.childListChanged());
  }

  @Test
  void observe_remoteChangesArriveAsTheSameDelta() {
    Doc other = new Doc(2);
    doc.onUpdate((u, o, tx) -> other.applyUpdate(u));
    List<String> local = new ArrayList<>();
    List<String> remote = new ArrayList<>();
    text.observe(e -> local.add(json(e.delta())));
    YText.of(other, "t").observe(e -> remote.add(json(e.delta())));
    text.insert(0, "hello", attrs("bold", true));
    text.format(1, 3, attrs("bold", null));
    assertEquals(local, remote);
  }

  @Test
  void attributesOfTheWholeText_areAMap() {
    text.setAttribute("lang", "en");
    assertEquals("en", text.getAttribute("lang"));
    List<YEvent> events = new ArrayList<>();
    text.observe(events::add);
    text.removeAttribute("lang");
    assertNull(text.getAttribute("lang"));
    assertTrue(events.get(0).keys().containsKey("lang"));
    assertEquals(List.of(), events.get(0).delta());
  }

  @Test
  void preliminaryText_isWrittenWhenInserted() {
    YText note = new YText("draft");
    note.format(0, 5, attrs("italic", true));
    note.insert(5, "!");
    YArray list = doc.getArray("notes");
    list.push(note);
    YText read = assertInstanceOf(YText.class, list.get(0));
    assertEquals("[{\"insert\":\"draft!\",\"attributes\":{\"italic\":true}}]", json(read.toDelta()));
    Doc copy = new Doc(3);
    copy.applyUpdate(doc.encodeStateAsUpdate());
    assertEquals(read.toDelta(), ((YText) copy.getArray("notes").get(0)).toDelta());
  }

  @Test
  void preliminaryText_cannotBeReadBeforeInsertion() {
    YText note = new YText("x");
    assertThrows(IllegalStateException.class, note::toString);
    assertThrows(IllegalStateException.class, note::length);
  }

  @Test
  void badPositions_areRejected() {
    text.insert(0, "abc");
    assertThrows(IndexOutOfBoundsException.class, () -> text.insert(4, "x"));
    assertThrows(IndexOutOfBoundsException.class, () -> text.insert(-1, "x"));
    assertThrows(IndexOutOfBoundsException.class, () -> text.delete(2, 2));
    assertThrows(IllegalArgumentException.class, () -> text.format(0, -1, attrs("b", true)));
    assertEquals("abc", text.toString());
  }

  @Test
  void emptyEdits_changeNothing() {
    List<byte[]> updates = new ArrayList<>();
    doc.onUpdate((u, o, tx) -> updates.add(u));
    text.insert(0, "");
    text.delete(0, 0);
    text.format(0, 0, attrs("bold", true));
    assertEquals(0, updates.size());
  }

  @Test
  void remoteRootOfUnknownKind_becomesTextWhenAskedFor() {
    text.insert(0, "hi", attrs("bold", true));
    Doc copy = new Doc(2);
    copy.applyUpdate(doc.encodeStateAsUpdate());
    assertEquals(text.toDelta(), YText.of(copy, "t").toDelta());
  }

  @Test
  void transaction_withSeveralEdits_emitsOneUpdate() {
    List<byte[]> updates = new ArrayList<>();
    doc.onUpdate((u, o, tx) -> updates.add(u));
    doc.transact(tx -> {
      text.insert(0, "abc");
      text.format(0, 2, attrs("bold", true));
      text.delete(2, 1);
    });
    assertEquals(1, updates.size());
    Doc copy = new Doc(2);
    copy.applyUpdate(updates.get(0));
    assertEquals("[{\"insert\":\"ab\",\"attributes\":{\"bold\":true}}]", json(YText.of(copy, "t").toDelta()));
  }
}
