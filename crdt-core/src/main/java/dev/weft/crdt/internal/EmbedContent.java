package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Json;
import java.util.Collections;
import java.util.List;

/** An embed in text (an image, a formula): one JSON value, one unit; kept as its JSON text. */
public final class EmbedContent implements Content {
  private final String json;

  public EmbedContent(String json) {
    this.json = json;
  }

  /** The embedded value, parsed. */
  public Object embed() {
    return Json.parse(json);
  }

  @Override public int length() { return 1; }
  @Override public boolean countable() { return true; }
  @Override public int ref() { return ContentRef.EMBED; }
  @Override public List<Object> values() { return Collections.singletonList(embed()); }
  @Override public Content copy() { return new EmbedContent(json); }
  @Override public Content splice(int offset) { throw new IllegalStateException("an embed has one unit"); }
  @Override public boolean mergeWith(Content right) { return false; }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeJsonText(json);
  }
}
