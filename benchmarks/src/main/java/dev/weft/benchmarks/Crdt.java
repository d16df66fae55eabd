package dev.weft.benchmarks;

import dev.weft.crdt.Doc;
import dev.weft.crdt.YArray;
import dev.weft.crdt.YMap;
import dev.weft.text.YText;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Weft document seen the way crdt-benchmarks sees a CRDT (its {@code AbstractCrdt}): one text
 * ("text"), one array ("array") and one map ("map"), every transaction's update handed to a
 * handler, and the state encoded and loaded as a whole. Like that suite's Yjs adapter it speaks
 * update format v2 and always listens for updates, so every figure includes producing them.
 */
final class Crdt {
  final Doc doc;
  private final YText text;
  private final YArray array;
  private final YMap map;

  Crdt(Consumer<byte[]> updates) {
    doc = new Doc();
    doc.onUpdateV2((update, origin, tx) -> updates.accept(update));
    text = YText.of(doc, "text");
    array = doc.getArray("array");
    map = doc.getMap("map");
  }

  /** A document holding {@code state} (a v2 update). */
  static Crdt load(Consumer<byte[]> updates, byte[] state) {
    Crdt c = new Crdt(updates);
    c.applyUpdate(state);
    return c;
  }

  byte[] encodedState() {
    return doc.encodeStateAsUpdateV2();
  }

  void applyUpdate(byte[] update) {
    doc.applyUpdateV2(update);
  }

  void apply(Op op) {
    if (op instanceof Op.InsertText i) {
      text.insert(i.index(), i.text());
    } else if (op instanceof Op.DeleteText d) {
      text.delete(d.index(), d.length());
    } else if (op instanceof Op.InsertArray a) {
      array.insert(a.index(), a.values());
    }
  }

  void insertText(int index, String s) {
    text.insert(index, s);
  }

  void deleteText(int index, int length) {
    text.delete(index, length);
  }

  void insertArray(int index, List<?> values) {
    array.insert(index, values);
  }

  void setMap(String key, Object value) {
    map.set(key, value);
  }

  String text() {
    return text.toString();
  }

  List<Object> array() {
    return array.toJson();
  }

  Map<String, Object> map() {
    return map.toJson();
  }

  void transact(Runnable body) {
    doc.transact(t -> body.run());
  }
}
