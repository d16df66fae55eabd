package dev.weft.crdt.internal;

import dev.weft.crdt.SharedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * The state of one shared type (Yjs's {@code AbstractType}): a doubly linked list of items for
 * sequence content and, for each map key, the item holding its current value. The public classes
 * ({@code YMap}, {@code YArray}, {@code YText}, ...) are views over a branch; a branch whose kind
 * is not known yet (a root named only by remote updates) can hold both kinds of content.
 */
public final class Branch {
  /** The kind, one of {@link TypeRef}; {@link TypeRef#UNKNOWN} until someone says. */
  public int typeRef;
  /** The node name of an XML element, or the name of an XML hook; null otherwise. */
  public final String name;
  /** The item whose content is this type; null for a root type. */
  public Item item;
  /** The root name, for root types. */
  public String rootName;
  /** The document, once the type is integrated; null for a preliminary type. */
  public DocState doc;
  /** The first item of the sequence (deleted items included). */
  public Item start;
  /** For each key, the item holding its latest value (deleted when the key was deleted). */
  public final LinkedHashMap<String, Item> map = new LinkedHashMap<>();
  /** Sum of the lengths of the countable, non-deleted sequence items. */
  public int length;
  /** Whether any format item was ever integrated (text). */
  public boolean hasFormatting;
  /**
   * Whether a format item was ever integrated into this type. Unlike {@link #hasFormatting}, which
   * text resets to mirror Yjs, this is never reset: false means the type holds no format item.
   */
  public boolean holdsFormatItems;
  /** Observers of this type's own changes. */
  public final List<Consumer<Object>> observers = new ArrayList<>();
  /** Observers of changes anywhere below this type. */
  public final List<Consumer<Object>> deepObservers = new ArrayList<>();
  /** Remembered positions for index lookups; null until the first lookup. */
  SequenceMarkers markers;
  /* Where the local edit in progress inserts or deletes (a visible index), or -1. */
  private int editIndex = -1;
  /** Work to do once a preliminary type is integrated (content added before it had a document). */
  public List<Consumer<Txn>> prelim;
  private SharedType view;

  public Branch(int typeRef, String name) {
    this.typeRef = typeRef;
    this.name = name;
  }

  /** The public object for this type, created on first use. */
  public SharedType view() {
    if (view == null) {
      view = TypeRegistry.createView(this);
    }
    return view;
  }

  /** Binds an existing public object to this branch (for types created through their constructor). */
  public void bindView(SharedType v) {
    this.view = v;
  }

  /** The same kind of type, empty and not integrated. */
  public Branch emptyCopy() {
    return new Branch(typeRef, name);
  }

  void integrate(Txn txn, Item item) {
    this.doc = txn.doc;
    this.item = item;
    if (prelim != null) {
      List<Consumer<Txn>> work = prelim;
      prelim = null;
      for (Consumer<Txn> w : work) {
        w.accept(txn);
      }
    }
  }

  /** Remembers that {@code index} visible units precede {@code item} (see {@link SequenceMarkers}). */
  public void setMarker(Item item, int index) {
    if (markers == null) {
      markers = new SequenceMarkers();
    }
    markers.remember(item, index, Math.max(64, length / SequenceMarkers.CAPACITY));
  }

  /**
   * Says that the local edit about to run inserts or deletes at visible index {@code index}, so
   * remembered positions can be kept instead of dropped. Must be paired with {@link #endEdit}.
   */
  public void beginEditAt(int index) {
    editIndex = index;
  }

  /** Ends what {@link #beginEditAt} began. */
  public void endEdit() {
    editIndex = -1;
  }

  /** {@code units} visible units were inserted into the sequence (by the edit in progress, if any). */
  void visibleInserted(int units) {
    if (editIndex < 0) {
      forgetMarkers();
      return;
    }
    if (markers != null) {
      markers.inserted(editIndex, units);
    }
    editIndex += units;
  }

  /** {@code units} visible units were deleted from the sequence (by the edit in progress, if any). */
  void visibleDeleted(int units) {
    if (editIndex < 0) {
      forgetMarkers();
    } else if (markers != null) {
      markers.deleted(editIndex, units);
    }
  }

  /**
   * For tests and diagnostics: a description of the first remembered position that is not true
   * any more, or null when all are.
   */
  public String verifyMarkers() {
    return markers == null ? null : markers.verify(start);
  }

  /** Forgets every remembered position. */
  public void forgetMarkers() {
    if (markers != null) {
      markers.clear();
    }
  }

  /** The branch whose item holds this one, or null for a root. */
  public Branch parentBranch() {
    return item == null ? null : item.parent;
  }

  /** Whether this type is in a document and not deleted. */
  public boolean alive() {
    return doc != null && (item == null || !item.deleted());
  }

  @Override
  public String toString() {
    return TypeRef.name(typeRef) + (rootName != null ? "(" + rootName + ")" : item != null ? "@" + item.id() : "");
  }
}
