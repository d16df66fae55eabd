package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.DecodingException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads item content by its ref: the mirror of each content's {@code write}. */
final class Contents {
  private Contents() {}

  @SuppressWarnings("unchecked")
  static Content read(UpdateDecoder dec, int ref, long structOffset) {
    switch (ref) {
      case ContentRef.DELETED:
        return DeletedContent.of(dec.readLen());
      case ContentRef.JSON: {
        int n = dec.readLen();
        List<String> texts = new ArrayList<>(Math.min(n, dec.rest().remaining()));
        for (int i = 0; i < n; i++) {
          String t = dec.readString();
          if (!t.equals("undefined")) {
            dev.weft.crdt.encoding.Json.parse(t);
          }
          texts.add(t);
        }
        return new JsonContent(texts);
      }
      case ContentRef.BINARY:
        return new BinaryContent(dec.readBuf());
      case ContentRef.STRING: {
        byte[] latin1 = dec.readLatin1String(); // most text: no String made, no second pass
        return latin1 != null ? StringContent.ofLatin1(latin1) : new StringContent(dec.readString());
      }
      case ContentRef.EMBED:
        return new EmbedContent(dec.readJsonText());
      case ContentRef.FORMAT:
        return new FormatContent(dec.readKey(), dec.readJsonText());
      case ContentRef.TYPE: {
        int typeRef = dec.readTypeRef();
        String name = TypeRef.hasName(typeRef) ? dec.readKey() : null;
        return new TypeContent(new Branch(typeRef, name));
      }
      case ContentRef.ANY: {
        int n = dec.readLen();
        List<Object> values = new ArrayList<>(Math.min(n, dec.rest().remaining()));
        for (int i = 0; i < n; i++) {
          values.add(dec.readAny());
        }
        return new AnyContent(values);
      }
      case ContentRef.DOC: {
        String guid = dec.readString();
        Object opts = dec.readAny();
        if (!(opts instanceof Map<?, ?>)) {
          throw dec.rest().error(Reason.INCONSISTENT, "subdocument options must be an object");
        }
        return new DocContent(guid, (Map<String, Object>) opts);
      }
      default:
        throw new dev.weft.crdt.encoding.DecodingException(Reason.UNKNOWN_TAG, structOffset,
            "unknown content ref " + ref);
    }
  }
}
