package dev.weft.text;

import dev.weft.crdt.Delta;
import dev.weft.crdt.Doc;
import dev.weft.crdt.SharedType;
import dev.weft.crdt.Transaction;
import dev.weft.crdt.YEvent;
import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.MapOps;
import dev.weft.crdt.internal.SequenceOps;
import dev.weft.crdt.internal.StringContent;
import dev.weft.crdt.internal.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Shared rich text: characters, embeds (images, formulas: any JSON-like value) and formatting
 * attributes on ranges ({@code bold=true}, {@code link={...}}), readable as a Quill delta.
 *
 * <pre>{@code
 * YText text = YText.of(doc, "body");
 * text.insert(0, "Hello world");
 * text.format(0, 5, Map.of("bold", true));
 * text.toDelta(); // [Insert("Hello", {bold=true}), Insert(" world", null)]
 * }</pre>
 *
 * <p><b>Positions count UTF-16 code units</b>, as {@link String#length()} and JavaScript do; an
 * embed counts one. Formatting is stored as markers between characters, not per character, so
 * concurrent formatting of overlapping ranges merges the way Yjs merges it, and the same local edits
 * produce the same update bytes as Yjs.
 *
 * <p>A text created with its constructor is preliminary: edits are kept and replayed when it is
 * inserted into a document; reading it before that fails.
 */
public class YText extends SharedType {
  static {
    TextTypeProvider.ensureRegistered();
  }

  /** A new, preliminary, empty text. */
  public YText() {
    this(new Branch(TypeRef.TEXT, null));
  }

  /** A new, preliminary text holding {@code initial}. */
  public YText(String initial) {
    this();
    insert(0, initial);
  }

  /** Yjs's search markers, in the one situation where they matter (see {@link SearchMarkers}). */
  private SearchMarkers markers;

  YText(Branch branch) {
    super(branch);
    if (branch.item == null && branch.hasFormatting) {
      // a root filled by updates before anyone asked for it as text: Yjs starts a fresh text
      // object here, which knows of no formatting and uses search markers
      branch.hasFormatting = false;
      markers = new SearchMarkers(branch);
    }
  }

  /** The search markers Yjs would consult for this text now, or null. */
  final SearchMarkers activeMarkers() {
    if (markers != null && branch().hasFormatting) {
      markers = null;
    }
    return markers;
  }

  /** The root text named {@code name} in {@code doc}, created if needed. */
  public static YText of(Doc doc, String name) {
    return doc.get(name, YText.class);
  }

  /** Inserts {@code text} at {@code index}, taking the formatting of the character before it. */
  public void insert(int index, String text) {
    insert(index, text, null);
  }

  /**
   * Inserts {@code text} at {@code index} with exactly the given formatting (null values and
   * missing keys: not set). A null map means "like the character before", as in
   * {@link #insert(int, String)}.
   */
  public void insert(int index, String text, Map<String, Object> attributes) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      return;
    }
    if (attributes == null && !branch().holdsFormatItems) {
      edit(txn -> TextEdits.insertPlain(txn, branch(), index, text));
      return;
    }
    LinkedHashMap<String, Object> attrs = attributes == null ? null : new LinkedHashMap<>(attributes);
    edit(txn -> {
      TextPosition pos = TextEdits.find(txn, branch(), index, attrs == null);
      TextEdits.insertText(txn, branch(), pos, text, attrs == null ? new LinkedHashMap<>(pos.currentAttributes) : new LinkedHashMap<>(attrs));
    });
  }

  /** Inserts an embed (a JSON-like value or a new shared type) at {@code index}, unformatted. */
  public void insertEmbed(int index, Object embed) {
    insertEmbed(index, embed, null);
  }

  /** Inserts an embed at {@code index} with the given formatting. */
  public void insertEmbed(int index, Object embed, Map<String, Object> attributes) {
    Objects.requireNonNull(embed, "embed");
    if (embed instanceof String) {
      throw new IllegalArgumentException("a string is text: use insert(index, text)");
    }
    LinkedHashMap<String, Object> attrs = TextDeltas.copy(attributes);
    boolean plain = attributes == null;
    edit(txn -> TextEdits.insertText(txn, branch(), TextEdits.find(txn, branch(), index, plain), embed, new LinkedHashMap<>(attrs)));
  }

  /** Deletes {@code length} units starting at {@code index}. */
  public void delete(int index, int length) {
    if (length == 0) {
      return;
    }
    edit(txn -> {
      if (length < 0 || index < 0 || index + length > branch().length) {
        throw new IndexOutOfBoundsException("index=" + index + ", length=" + length + ", size=" + branch().length);
      }
      if (!branch().holdsFormatItems && activeMarkers() == null) {
        // no format items to step over or clean up: what the engine does for any sequence
        SequenceOps.delete(txn, branch(), index, length);
      } else {
        TextEdits.deleteText(txn, TextEdits.find(txn, branch(), index, true), length);
      }
    });
  }

  /**
   * Sets formatting attributes on {@code length} units from {@code index}; a null value removes
   * the attribute. As in Yjs, a range reaching past the end appends newlines to fill it.
   */
  public void format(int index, int length, Map<String, Object> attributes) {
    Objects.requireNonNull(attributes, "attributes");
    if (length == 0) {
      return;
    }
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative: length=" + length);
    }
    LinkedHashMap<String, Object> attrs = new LinkedHashMap<>(attributes);
    edit(txn -> {
      TextPosition pos = TextEdits.find(txn, branch(), index, false);
      if (pos.right != null) {
        TextEdits.formatText(txn, branch(), pos, length, new LinkedHashMap<>(attrs));
      }
    });
  }

  /**
   * Applies a Quill delta from the start of the text: {@link Delta.Insert} (a string, or an embed,
   * with optional attributes), {@link Delta.Retain} (with attributes: formats the retained range)
   * and {@link Delta.Delete}.
   */
  public void applyDelta(List<Delta> delta) {
    List<Delta> ops = new ArrayList<>(delta);
    edit(txn -> TextDeltas.apply(txn, branch(), ops));
  }

  /** The number of units: UTF-16 code units of text plus one per embed. */
  public int length() {
    requireIntegrated();
    return branch().length;
  }

  /** The content as a Quill delta: inserts of text runs and embeds with their attributes. */
  public List<Delta> toDelta() {
    requireIntegrated();
    return TextDeltas.toDelta(branch());
  }

  /**
   * The content as it was at {@code snapshot} (the document must keep its history: gc off), as
   * Yjs's {@code toDelta(snapshot)}.
   */
  public List<Delta> toDelta(dev.weft.crdt.Snapshot snapshot) {
    return toDelta(snapshot, null);
  }

  /**
   * The content at {@code snapshot} (null: now) compared with {@code prevSnapshot}: text removed
   * since carries {@code ychange: {type: "removed"}}, text added since {@code ychange: {type:
   * "added"}} (Yjs's {@code toDelta(snapshot, prevSnapshot)}).
   */
  public List<Delta> toDelta(dev.weft.crdt.Snapshot snapshot, dev.weft.crdt.Snapshot prevSnapshot) {
    return toDelta(snapshot, prevSnapshot, null);
  }

  /**
   * Like {@link #toDelta(dev.weft.crdt.Snapshot, dev.weft.crdt.Snapshot)}; {@code computeYChange}
   * receives "added" or "removed" and the id of the changed unit and returns the value of the
   * {@code ychange} attribute (for example with the user's name and colour).
   */
  public List<Delta> toDelta(dev.weft.crdt.Snapshot snapshot, dev.weft.crdt.Snapshot prevSnapshot,
      java.util.function.BiFunction<String, dev.weft.crdt.RelativePosition.ItemId, Object> computeYChange) {
    requireIntegrated();
    return TextSnapshots.toDelta(branch(),
        snapshot == null ? null : dev.weft.crdt.internal.SnapshotState.of(snapshot),
        prevSnapshot == null ? null : dev.weft.crdt.internal.SnapshotState.of(prevSnapshot), computeYChange);
  }

  /** The plain text as it was at {@code snapshot}, without embeds or formatting. */
  public String toString(dev.weft.crdt.Snapshot snapshot) {
    StringBuilder sb = new StringBuilder();
    for (Delta d : toDelta(snapshot)) {
      if (d instanceof Delta.Insert ins && ins.insert() instanceof String s) {
        sb.append(s);
      }
    }
    return sb.toString();
  }

  /** The text as it was at {@code snapshot} (XML text: use {@link #toDelta(dev.weft.crdt.Snapshot)}). */
  @Override
  public Object toJson(dev.weft.crdt.Snapshot snapshot) {
    if (this instanceof YXmlText) {
      throw new UnsupportedOperationException("XML text cannot be read as XML at a snapshot; use toDelta(snapshot)");
    }
    return toString(snapshot);
  }

  /** The plain text, without embeds or formatting. */
  @Override
  public String toString() {
    requireIntegrated();
    StringBuilder sb = new StringBuilder();
    for (Item n = branch().start; n != null; n = n.right) {
      if (!n.deleted() && n.content instanceof StringContent s) {
        sb.append(s.string());
      }
    }
    return sb.toString();
  }

  /** The text as a string (for an {@link YXmlText}, its XML form). */
  @Override
  public Object toJson() {
    return toString();
  }

  /** Sets an attribute of the whole text (not formatting of a range). */
  public void setAttribute(String name, Object value) {
    Objects.requireNonNull(name, "name");
    edit(txn -> MapOps.set(txn, branch(), name, value));
  }

  public void removeAttribute(String name) {
    edit(txn -> MapOps.delete(txn, branch(), name));
  }

  public Object getAttribute(String name) {
    requireIntegrated();
    return MapOps.get(branch(), name);
  }

  /** The attributes of the whole text. */
  public Map<String, Object> getAttributes() {
    requireIntegrated();
    return MapOps.entries(branch());
  }

  /** Drops the search markers after a remote change, as Yjs does. */
  final void forgetMarkers() {
    if (markers != null) {
      markers.clear();
    }
  }

  @Override
  protected YEvent createEvent(Transaction transaction, Set<String> keysChanged) {
    if (!transaction.isLocal()) {
      forgetMarkers();
    }
    return new YTextEvent(this, transaction, keysChanged);
  }
}
