package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Legacy list content whose values travel as JSON text. Current Yjs only reads it. The texts are
 * kept as received so that re-encoding gives back the same bytes.
 */
public final class JsonContent implements Content {
  private final ArrayList<String> texts;

  public JsonContent(List<String> texts) {
    this.texts = new ArrayList<>(texts);
  }

  @Override public int length() { return texts.size(); }
  @Override public boolean countable() { return true; }
  @Override public int ref() { return ContentRef.JSON; }
  @Override public Content copy() { return new JsonContent(texts); }

  @Override
  public List<Object> values() {
    List<Object> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(Json.parse(t));
    }
    return out;
  }

  @Override
  public Content splice(int offset) {
    List<String> tail = texts.subList(offset, texts.size());
    JsonContent right = new JsonContent(tail);
    tail.clear();
    return right;
  }

  @Override
  public boolean mergeWith(Content right) {
    texts.addAll(((JsonContent) right).texts);
    return true;
  }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeLen(texts.size() - offset);
    for (int i = offset; i < texts.size(); i++) {
      encoder.writeString(texts.get(i));
    }
  }
}
