package dev.weft.crdt;

import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.Encoder;
import dev.weft.crdt.encoding.Json;
import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.Id;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.Redo;
import dev.weft.crdt.internal.Struct;
import dev.weft.crdt.internal.TypeContent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A position in a sequence (text, array, XML children) that stays with the content around it,
 * as Yjs's {@code RelativePosition}: a cursor placed before a character keeps pointing before that
 * character whatever is inserted or deleted elsewhere, on every replica.
 *
 * <pre>{@code
 * RelativePosition cursor = RelativePosition.fromIndex(text, 3);        // before the 4th unit
 * text.insert(0, "abc");
 * cursor.toAbsolute(doc).index();                                       // 6
 * byte[] wire = cursor.encode();                                        // Yjs's encodeRelativePosition
 * Map<String, Object> json = cursor.toJson();                           // for awareness states
 * }</pre>
 *
 * <h2>Representation</h2>
 * Either the id of the unit the position is attached to ({@link #item}), or, for a position at the
 * end (or, left-associated, at the start) of a type, the type itself: a root type by name
 * ({@link #tname}) or a nested type by the id of the item holding it ({@link #type}).
 * {@link #assoc} picks the side: {@code >= 0} attaches to the unit after the position (the
 * default), {@code < 0} to the unit before it. When the attached unit is deleted, the position
 * falls to where the unit was.
 *
 * @param type the id of the item holding the (nested) type, or null
 * @param tname the name of the root type, or null
 * @param item the id of the unit the position is attached to, or null
 * @param assoc the association: {@code >= 0} right, {@code < 0} left
 */
public record RelativePosition(ItemId type, String tname, ItemId item, int assoc) {
  /** An id of one unit of content: the client that wrote it and its clock. */
  public record ItemId(long client, long clock) {}

  /** An index in a type (Yjs's {@code AbsolutePosition}). */
  public record AbsolutePosition(SharedType type, int index, int assoc) {}

  public RelativePosition {
    if (item == null && tname == null && type == null) {
      throw new IllegalArgumentException("a relative position names an item, a root type or a type");
    }
  }

  /** A position before unit {@code index} of {@code type}, associated right. */
  public static RelativePosition fromIndex(SharedType type, int index) {
    return fromIndex(type, index, 0);
  }

  /**
   * Yjs's {@code createRelativePositionFromTypeIndex}: the position at {@code index} of
   * {@code type}, attached to the unit after it ({@code assoc >= 0}) or before it ({@code < 0}).
   * An index at or past the end gives the end of the type.
   */
  public static RelativePosition fromIndex(SharedType type, int index, int assoc) {
    if (index < 0) {
      throw new IndexOutOfBoundsException("index=" + index);
    }
    Branch b = type.branch;
    Item t = b.start;
    if (assoc < 0) {
      if (index == 0) {
        return ofType(b, null, assoc);
      }
      index--;
    }
    while (t != null) {
      if (!t.deleted() && t.countable()) {
        if (t.length > index) {
          return ofType(b, new ItemId(t.client, t.clock + index), assoc);
        }
        index -= t.length;
      }
      if (t.right == null && assoc < 0) {
        Id last = t.lastId();
        return ofType(b, new ItemId(last.client(), last.clock()), assoc);
      }
      t = t.right;
    }
    return ofType(b, null, assoc);
  }

  private static RelativePosition ofType(Branch b, ItemId item, int assoc) {
    if (b.item == null) {
      if (b.rootName == null) {
        throw new IllegalArgumentException("the type is not part of a document");
      }
      return new RelativePosition(null, b.rootName, item, assoc);
    }
    return new RelativePosition(new ItemId(b.item.client, b.item.clock), null, item, assoc);
  }

  /** The current index in {@code doc}, following content re-created by undo. */
  public AbsolutePosition toAbsolute(Doc doc) {
    return toAbsolute(doc, true);
  }

  /**
   * Yjs's {@code createAbsolutePositionFromRelativePosition}: where this position is now in
   * {@code doc}, or null when its type is unknown to the document or was collected. With
   * {@code followUndoneDeletions}, a position in content that an undo re-created moves to the
   * copy (only the replica that undid knows this; pass false for identical results everywhere).
   */
  public AbsolutePosition toAbsolute(Doc doc, boolean followUndoneDeletions) {
    dev.weft.crdt.internal.StructStore store = doc.state().store;
    Branch t;
    int index = 0;
    if (item != null) {
      if (store.getState(item.client()) <= item.clock()) {
        return null;
      }
      int[] diff = new int[1];
      Id id = new Id(item.client(), item.clock());
      Struct s;
      if (followUndoneDeletions) {
        s = Redo.followRedone(store, id, diff);
      } else {
        s = store.find(id);
        diff[0] = (int) (id.clock() - s.clock);
      }
      if (!(s instanceof Item right)) {
        return null;
      }
      t = right.parent;
      if (t.item == null || !t.item.deleted()) {
        index = right.deleted() || !right.countable() ? 0 : diff[0] + (assoc >= 0 ? 0 : 1);
        for (Item n = right.left; n != null; n = n.left) {
          if (!n.deleted() && n.countable()) {
            index += n.length;
          }
        }
      }
    } else {
      if (tname != null) {
        t = doc.state().root(tname);
      } else {
        if (store.getState(type.client()) <= type.clock()) {
          return null;
        }
        Id id = new Id(type.client(), type.clock());
        Struct s = followUndoneDeletions ? Redo.followRedone(store, id, new int[1]) : store.find(id);
        if (s instanceof Item it && it.content instanceof TypeContent tc) {
          t = tc.type();
        } else {
          return null;
        }
      }
      index = assoc >= 0 ? t.length : 0;
    }
    return new AbsolutePosition(t.view(), index, assoc);
  }

  /** Yjs's {@code encodeRelativePosition}. */
  public byte[] encode() {
    Encoder enc = new Encoder();
    if (item != null) {
      enc.writeVarUint(0);
      enc.writeVarUint(item.client());
      enc.writeVarUint(item.clock());
    } else if (tname != null) {
      enc.writeUint8(1);
      enc.writeVarString(tname);
    } else {
      enc.writeUint8(2);
      enc.writeVarUint(type.client());
      enc.writeVarUint(type.clock());
    }
    enc.writeVarInt(assoc);
    return enc.toByteArray();
  }

  /**
   * Yjs's {@code decodeRelativePosition}; a missing association reads as 0.
   *
   * @throws DecodingException if the bytes are not one relative position
   */
  public static RelativePosition decode(byte[] bytes) {
    Decoder dec = new Decoder(bytes);
    long start = dec.offset();
    long kind = dec.readVarUint();
    ItemId type = null;
    String tname = null;
    ItemId item = null;
    if (kind == 0) {
      item = new ItemId(dec.readVarUint(), dec.readVarUint());
    } else if (kind == 1) {
      tname = dec.readVarString();
    } else if (kind == 2) {
      type = new ItemId(dec.readVarUint(), dec.readVarUint());
    } else {
      throw new DecodingException(DecodingException.Reason.UNKNOWN_TAG, start,
          "unknown relative position kind " + kind);
    }
    int assoc = 0;
    if (dec.hasRemaining()) {
      long a = dec.readVarInt();
      if (a < Integer.MIN_VALUE || a > Integer.MAX_VALUE) {
        throw new DecodingException(DecodingException.Reason.INCONSISTENT, start, "assoc out of range: " + a);
      }
      assoc = (int) a;
    }
    dec.requireEnd("the relative position");
    return new RelativePosition(type, tname, item, assoc);
  }

  /**
   * Yjs's {@code relativePositionToJSON}: {@code type} and {@code item} as
   * {@code {"client", "clock"}} objects, absent when null, and {@code assoc}.
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    if (type != null) {
      json.put("type", idJson(type));
    }
    if (tname != null && !tname.isEmpty()) {
      json.put("tname", tname);
    }
    if (item != null) {
      json.put("item", idJson(item));
    }
    json.put("assoc", assoc);
    return json;
  }

  /** {@link #toJson()} as a JSON string, as {@code JSON.stringify} writes it. */
  public String toJsonString() {
    return Json.stringify(toJson());
  }

  private static Map<String, Object> idJson(ItemId id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("client", id.client());
    m.put("clock", id.clock());
    return m;
  }

  /**
   * Yjs's {@code createRelativePositionFromJSON}, from the parsed JSON (maps and numbers).
   *
   * @throws IllegalArgumentException if the JSON is not a relative position
   */
  public static RelativePosition fromJson(Map<?, ?> json) {
    Object tn = json.get("tname");
    if (tn != null && !(tn instanceof String)) {
      throw new IllegalArgumentException("tname must be a string: " + tn);
    }
    Object a = json.get("assoc");
    if (a != null && !(a instanceof Number)) {
      throw new IllegalArgumentException("assoc must be a number: " + a);
    }
    return new RelativePosition(idFromJson(json.get("type")), (String) tn, idFromJson(json.get("item")),
        a == null ? 0 : ((Number) a).intValue());
  }

  /** {@link #fromJson(Map)} from a JSON string. */
  public static RelativePosition fromJson(String json) {
    Object parsed = Json.parse(json);
    if (!(parsed instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("not a JSON object: " + json);
    }
    return fromJson(m);
  }

  private static ItemId idFromJson(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Map<?, ?> m && m.get("client") instanceof Number c && m.get("clock") instanceof Number k
        && c.doubleValue() >= 0 && k.doubleValue() >= 0) {
      return new ItemId(c.longValue(), k.longValue());
    }
    throw new IllegalArgumentException("not an id {client, clock}: " + o);
  }
}
