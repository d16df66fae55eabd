package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Json;
import java.util.List;
import java.util.Map;

/**
 * A human-readable listing of an update v1: one line per struct, grouped by client, then the
 * delete set. Example:
 *
 * <pre>
 * client 1: 2 structs
 *   1:0-4 string "hello" parent root "t"
 *   1:5 any [1] parent root "m" key "b"
 * deletes
 *   1: 0-1
 * </pre>
 */
public final class UpdateDescriber {
  private static final int MAX_TEXT = 60;

  private UpdateDescriber() {}

  public static String describe(byte[] update) {
    UpdateApplier.Decoded d = UpdateApplier.decodeV1(update);
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Long, List<Struct>> e : d.structs().descendingMap().entrySet()) {
      sb.append("client ").append(e.getKey()).append(": ").append(e.getValue().size()).append(" structs\n");
      for (Struct s : e.getValue()) {
        sb.append("  ").append(line(s)).append('\n');
      }
    }
    sb.append("deletes\n");
    for (Map.Entry<Long, List<DeleteSet.Range>> e : d.deletes().sortAndMerge().clients().descendingMap().entrySet()) {
      sb.append("  ").append(e.getKey()).append(':');
      for (DeleteSet.Range r : e.getValue()) {
        sb.append(' ').append(r.clock()).append('-').append(r.end() - 1);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String line(Struct s) {
    String ids = s.client + ":" + s.clock + (s.length > 1 ? "-" + (s.end() - 1) : "");
    if (s instanceof GcStruct) {
      return ids + " gc";
    }
    if (s instanceof SkipStruct) {
      return ids + " skip";
    }
    Item item = (Item) s;
    StringBuilder sb = new StringBuilder(ids).append(' ').append(content(item.content));
    if (item.hasOrigin()) {
      sb.append(" origin ").append(item.origin());
    }
    if (item.hasRightOrigin()) {
      sb.append(" right ").append(item.rightOrigin());
    }
    if (item.parentRootName() != null) {
      sb.append(" parent root ").append(Json.stringify(item.parentRootName()));
    } else if (item.parentId() != null) {
      sb.append(" parent ").append(item.parentId());
    }
    if (item.parentSub != null) {
      sb.append(" key ").append(Json.stringify(item.parentSub));
    }
    return sb.toString();
  }

  private static String content(Content c) {
    if (c instanceof StringContent sc) {
      String str = sc.string();
      return "string " + Json.stringify(str.length() > MAX_TEXT ? str.substring(0, MAX_TEXT) + "…" : str);
    }
    if (c instanceof DeletedContent) {
      return "deleted";
    }
    if (c instanceof FormatContent f) {
      return "format " + Json.stringify(f.key()) + "=" + Json.stringify(f.value());
    }
    if (c instanceof EmbedContent e) {
      return "embed " + Json.stringify(e.embed());
    }
    if (c instanceof TypeContent t) {
      return "type " + TypeRef.name(t.type().typeRef) + (t.type().name != null ? " " + Json.stringify(t.type().name) : "");
    }
    if (c instanceof BinaryContent b) {
      return "binary " + b.bytes().length + " bytes";
    }
    if (c instanceof DocContent dc) {
      return "subdocument " + Json.stringify(dc.guid());
    }
    String kind = c instanceof JsonContent ? "json " : "any ";
    String values = Json.stringify(c.values());
    return kind + (values.length() > MAX_TEXT ? values.substring(0, MAX_TEXT) + "…" : values);
  }
}
