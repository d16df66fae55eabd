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
  /**
   * A remembered position for index lookups: {@link #markerItem} is an item of the sequence and
   * {@link #markerIndex} the number of visible units before it. Editors work near the last edit,
   * so starting there instead of at {@link #start} turns most lookups from a walk over the whole
   * list into a few steps. Any insertion or deletion in the sequence forgets it; local edits set it
   * again; merging the item into its left neighbour moves it there.
   */
  public Item markerItem;
  /** Visible units before {@link #markerItem}. */
  public int markerIndex;
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

  /** Remembers that {@code item} starts at visible index {@code index}. */
  public void setMarker(Item item, int index) {
    markerItem = item;
    markerIndex = index;
  }

  /** Forgets the remembered position (the sequence changed somewhere). */
  public void forgetMarker() {
    markerItem = null;
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
