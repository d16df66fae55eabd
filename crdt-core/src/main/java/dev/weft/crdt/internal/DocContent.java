package dev.weft.crdt.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subdocument reference: its guid and its options ({@code gc:false}, {@code autoLoad},
 * {@code meta}). Weft keeps and relays it; loading subdocuments is up to the application.
 */
public final class DocContent implements Content {
  private final String guid;
  private final Map<String, Object> opts;

  public DocContent(String guid, Map<String, Object> opts) {
    this.guid = guid;
    this.opts = new LinkedHashMap<>(opts);
  }

  public String guid() {
    return guid;
  }

  public Map<String, Object> opts() {
    return opts;
  }

  @Override public int length() { return 1; }
  @Override public boolean countable() { return true; }
  @Override public int ref() { return ContentRef.DOC; }
  @Override public List<Object> values() { return List.of(new SubdocRef(guid, opts)); }
  @Override public Content copy() { return new DocContent(guid, opts); }
  @Override public Content splice(int offset) { throw new IllegalStateException("a subdocument has one unit"); }
  @Override public boolean mergeWith(Content right) { return false; }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeString(guid);
    encoder.writeAny(opts);
  }

  /** How a subdocument appears among a type's values. */
  public record SubdocRef(String guid, Map<String, Object> opts) {}
}
