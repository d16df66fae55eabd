package dev.weft.crdt.internal;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A run of content inserted by one client into one type: the unit of the YATA algorithm.
 *
 * <h2>Integration</h2>
 * An item remembers the neighbours it was inserted between ({@link #origin}, {@link #rightOrigin}).
 * When it reaches a replica, everything that now sits between those two neighbours was inserted
 * concurrently; {@link #integrate} scans those items and places the new one by the rules of YATA as
 * Yjs implements them (the references below):
 * <ol>
 *   <li>an item with the same origin goes first if its client id is lower ("case 1"), and when it
 *       also has the same right origin, the scan stops (we go before it);</li>
 *   <li>an item whose origin lies among the items already passed belongs to a run that started
 *       there, and we go after it unless that origin is one of the items still in conflict
 *       ("case 2");</li>
 *   <li>anything else ends the scan.</li>
 * </ol>
 * The result depends only on ids, so every replica places concurrent inserts in the same order.
 * Cost: linear in the number of concurrent items between the origins, which is almost always
 * zero.
 *
 * <p>References: [1] Nicolaescu et al., "Near Real-Time Peer-to-Peer Shared Editing on Extensible
 * Data Types" (YATA), GROUP 2016. [2] Yjs v13 {@code src/structs/Item.js}, {@code integrate} and
 * {@code getMissing}.
 *
 * <h2>Memory</h2>
 * A document keeps every item it ever integrated, deleted ones included, so the item's own size
 * sets what a document costs: 64 bytes with compressed references. To get there, the origins are
 * an int clock each (no origin: {@code -1}) and their clients are not stored when they are the
 * item's own, which is nearly always; whatever few items need (a different origin client, the
 * parent as decoded before integration, where an undo re-created the item) lives in one
 * {@link Rare} record, null for a typical item. Collected content is a shared
 * {@link DeletedContent}, so the item swaps it on {@link #split} and {@link #mergeWith} instead of
 * changing it.
 */
public final class Item extends Struct {
  private static final int KEEP = 1;
  private static final int COUNTABLE = 2;
  private static final int DELETED = 4;
  /** The item is, or was, a remembered position (see {@link SequenceMarkers}); only a hint. */
  private static final int MARKED = 8;

  /** Marks "no origin" in {@link #originClock} and {@link #rightOriginClock}. */
  private static final int NONE = -1;
  /** Marks, in {@link Rare}, an origin client that is this item's own client. */
  private static final long OWN = -1;

  /*
   * The origins are kept as primitives rather than as Id objects: two Ids per item were a third of
   * a loaded document's heap. Clocks fit an int (see StructReader.MAX_CLOCK). An origin's client is
   * nearly always the item's own (text typed by one author), so only a different one is stored,
   * in the Rare fields; originClient() and rightOriginClient() give it.
   */
  private int originClock;
  private int rightOriginClock;
  /** The current left neighbour in the parent's list (or the previous value of the same map key). */
  public Item left;
  /** The current right neighbour in the parent's list (or the next value of the same map key). */
  public Item right;
  /** The type this item belongs to; null before integration and for items collected as GC. */
  public Branch parent;
  /** The map key this item is a value of, or null for sequence content. */
  public String parentSub;
  /** What the item holds; becomes {@link DeletedContent} when collected. */
  public Content content;
  /** The fields few items need, or null when all of them are unset (see {@link Rare}). */
  private Rare rare;
  private int flags;

  /**
   * The fields an integrated item rarely needs, kept aside so that a typical item carries one null
   * reference instead of three.
   *
   * @param parentRootName the root-type name of the parent as decoded; dropped on integration
   * @param parentId the id of the item holding the parent type as decoded; dropped on integration
   * @param redone where an undo re-created this item
   * @param originClient the left origin's client when it is not the item's own, else {@link #OWN}
   * @param rightOriginClient the right origin's client when it is not the item's own, else {@link #OWN}
   */
  private record Rare(String parentRootName, Id parentId, Id redone, long originClient, long rightOriginClient) {
    /** This record, or null when it holds nothing. */
    Rare orNull() {
      return parentRootName == null && parentId == null && redone == null && originClient == OWN
          && rightOriginClient == OWN ? null : this;
    }
  }

  /** Replaces the rare fields (null for unset; an origin client equal to the item's own is not kept). */
  private void setRare(String parentRootName, Id parentId, Id redone, long originClient, long rightOriginClient) {
    long o = originClient == client ? OWN : originClient;
    long r = rightOriginClient == client ? OWN : rightOriginClient;
    if (rare != null || parentRootName != null || parentId != null || redone != null || o != OWN || r != OWN) {
      rare = new Rare(parentRootName, parentId, redone, o, r).orNull();
    }
  }

  /** The left origin's client; meaningful only when {@link #hasOrigin}. */
  private long originClient() {
    return rare == null || rare.originClient == OWN ? client : rare.originClient;
  }

  /** The right origin's client; meaningful only when {@link #hasRightOrigin}. */
  private long rightOriginClient() {
    return rare == null || rare.rightOriginClient == OWN ? client : rare.rightOriginClient;
  }

  public Item(long client, long clock, Id origin, Id rightOrigin, Content content) {
    super(client, clock, content.length());
    setOrigin(origin);
    setRightOrigin(rightOrigin);
    this.content = content;
    this.flags = content.countable() ? COUNTABLE : 0;
  }

  /**
   * A new item of {@code client} at {@code clock}, to go between two adjacent items (null: that
   * end of the sequence): its origins are the last unit of {@code left} and the first of
   * {@code right}.
   */
  public static Item between(long client, long clock, Item left, Item right, Content content) {
    Item item = new Item(client, clock, null, null, content);
    if (left != null) {
      item.setOrigin(left.client, left.clock + left.length - 1);
    }
    if (right != null) {
      item.setRightOrigin(right.client, right.clock);
    }
    item.left = left;
    item.right = right;
    return item;
  }

  /** Id of the last unit of the left neighbour at insertion time; null when inserted at the start. */
  public Id origin() {
    return originClock == NONE ? null : new Id(originClient(), originClock);
  }

  /** Id of the first unit of the right neighbour at insertion time; null when inserted at the end. */
  public Id rightOrigin() {
    return rightOriginClock == NONE ? null : new Id(rightOriginClient(), rightOriginClock);
  }

  /** Sets the left origin (null: inserted at the start). */
  public void setOrigin(Id id) {
    if (id == null) {
      originClock = NONE;
      setRare(parentRootName(), parentId(), redone(), client, rightOriginClient());
    } else {
      setOrigin(id.client(), id.clock());
    }
  }

  private void setOrigin(long originClient, long clock) {
    originClock = Math.toIntExact(clock);
    setRare(parentRootName(), parentId(), redone(), originClient, rightOriginClient());
  }

  /** Sets the right origin (null: inserted at the end). */
  public void setRightOrigin(Id id) {
    if (id == null) {
      setRightOrigin(client, NONE);
    } else {
      setRightOrigin(id.client(), Math.toIntExact(id.clock()));
    }
  }

  private void setRightOrigin(long rightOriginClient, int clock) {
    rightOriginClock = clock;
    setRare(parentRootName(), parentId(), redone(), originClient(), rightOriginClient);
  }

  /** The root-type name of the parent as decoded, when the update named it; null once integrated. */
  public String parentRootName() {
    return rare == null ? null : rare.parentRootName;
  }

  /** The id of the item holding the parent type as decoded, when the update named it; null once integrated. */
  public Id parentId() {
    return rare == null ? null : rare.parentId;
  }

  /** Sets the parent as decoded: a root-type name or the id of the item holding the type (or neither). */
  public void setDecodedParent(String rootName, Id parentItem) {
    if (rare != null || rootName != null || parentItem != null) {
      setRare(rootName, parentItem, redone(), originClient(), rightOriginClient());
    }
  }

  /** Where an undo re-created this item, or null. */
  public Id redone() {
    return rare == null ? null : rare.redone;
  }

  public void setRedone(Id redone) {
    if (rare != null || redone != null) {
      setRare(parentRootName(), parentId(), redone, originClient(), rightOriginClient());
    }
  }

  /** Whether the item has a left origin (was not inserted at the start). */
  public boolean hasOrigin() {
    return originClock != NONE;
  }

  /** Whether the item has a right origin (was not inserted at the end). */
  public boolean hasRightOrigin() {
    return rightOriginClock != NONE;
  }

  /** Whether both items were inserted after the same unit (or both at the start). */
  private boolean sameOrigin(Item o) {
    return originClock == o.originClock && (originClock == NONE || originClient() == o.originClient());
  }

  /** Whether both items were inserted before the same unit (or both at the end). */
  private boolean sameRightOrigin(Item o) {
    return rightOriginClock == o.rightOriginClock
        && (rightOriginClock == NONE || rightOriginClient() == o.rightOriginClient());
  }

  public boolean countable() {
    return (flags & COUNTABLE) != 0;
  }

  @Override
  public boolean deleted() {
    return (flags & DELETED) != 0;
  }

  public void markDeleted() {
    flags |= DELETED;
  }

  /** Whether garbage collection must leave this item alone (snapshots, undo). */
  public boolean keep() {
    return (flags & KEEP) != 0;
  }
  /** Whether a marker of the parent's {@link SequenceMarkers} is on this item. */
  boolean marked() {
    return (flags & MARKED) != 0;
  }

  void setMarked(boolean marked) {
    flags = marked ? flags | MARKED : flags & ~MARKED;
  }


  public void setKeep(boolean keep) {
    flags = keep ? flags | KEEP : flags & ~KEEP;
  }

  /** Id of this item's last unit. */
  public Id lastId() {
    return new Id(client, clock + length - 1);
  }

  /** The next item to the right that is not deleted. */
  public Item next() {
    Item n = right;
    while (n != null && n.deleted()) {
      n = n.right;
    }
    return n;
  }

  /** The next item to the left that is not deleted. */
  public Item prev() {
    Item n = left;
    while (n != null && n.deleted()) {
      n = n.left;
    }
    return n;
  }

  @Override
  public long getMissing(Txn txn, StructStore store) {
    long originClient = originClient();
    long rightOriginClient = rightOriginClient();
    if (hasOrigin() && originClient != client && originClock >= store.getState(originClient)) {
      return originClient;
    }
    if (hasRightOrigin() && rightOriginClient != client && rightOriginClock >= store.getState(rightOriginClient)) {
      return rightOriginClient;
    }
    Id parentId = parentId();
    if (parentId != null && parentId.client() != client && parentId.clock() >= store.getState(parentId.client())) {
      return parentId.client();
    }
    boolean nextToGc = false;
    if (hasOrigin()) {
      Struct l = store.getItemCleanEnd(txn, originClient, originClock);
      if (l instanceof Item li) {
        left = li;
        setOrigin(li.client, li.clock + li.length - 1);
      } else {
        nextToGc = true;
      }
    }
    if (hasRightOrigin()) {
      Struct r = store.getItemCleanStart(txn, rightOriginClient, rightOriginClock);
      if (r instanceof Item ri) {
        right = ri;
        setRightOrigin(ri.client, ri.clock);
      } else {
        nextToGc = true;
      }
    }
    if (nextToGc) {
      parent = null;
    } else if (parentId != null) {
      Struct p = store.find(parentId);
      parent = p instanceof Item pi && pi.content instanceof TypeContent tc ? tc.type() : null;
    } else if (parentRootName() != null) {
      parent = txn.doc.root(parentRootName());
    } else if (left != null) {
      parent = left.parent;
      parentSub = left.parentSub;
    } else if (right != null) {
      parent = right.parent;
      parentSub = right.parentSub;
    }
    if (parent != null && left != null && right != null
        && (left.parent != right.parent || !Objects.equals(left.parentSub, right.parentSub))) {
      // Neighbours from two different lists: no honest peer writes this. Collect it rather than
      // link two lists together.
      parent = null;
    }
    if (parent == null) {
      left = null;
      right = null;
    }
    return -1;
  }

  @Override
  public void integrate(Txn txn, int offset) {
    StructStore store = txn.doc.store;
    if (offset > 0) {
      clock += offset;
      Struct before = store.getItemCleanEnd(txn, client, clock - 1);
      if (before instanceof Item b) {
        left = b;
        setOrigin(b.client, b.clock + b.length - 1);
      } else {
        parent = null;
      }
      content = content.splice(offset);
      length -= offset;
    }
    if (parent == null) {
      new GcStruct(client, clock, length).integrate(txn, 0);
      return;
    }
    if (concurrentItemsBetweenOrigins()) {
      left = scanForInsertionPoint(store);
    }
    linkNeighbours(txn);
    setDecodedParent(null, null);
    register(txn);
  }

  /** Whether anything sits between the resolved left and right neighbours. */
  private boolean concurrentItemsBetweenOrigins() {
    return (left == null && (right == null || right.left != null)) || (left != null && left.right != right);
  }

  /** The YATA scan (see the class comment): returns the item to insert after, or null. */
  private Item scanForInsertionPoint(StructStore store) {
    Item newLeft = left;
    Item o;
    if (left != null) {
      o = left.right;
    } else if (parentSub != null) {
      o = parent.map.get(parentSub);
      while (o != null && o.left != null) {
        o = o.left;
      }
    } else {
      o = parent.start;
    }
    Set<Item> conflicting = new HashSet<>();
    Set<Item> beforeOrigin = new HashSet<>();
    while (o != null && o != right) {
      beforeOrigin.add(o);
      conflicting.add(o);
      if (sameOrigin(o)) {
        // case 1: same origin
        if (o.client < client) {
          newLeft = o;
          conflicting.clear();
        } else if (sameRightOrigin(o)) {
          break;
        }
      } else if (o.hasOrigin() && beforeOrigin.contains(store.getItem(o.originClient(), o.originClock))) {
        // case 2: o continues a run that started among the items we passed
        if (!conflicting.contains(store.getItem(o.originClient(), o.originClock))) {
          newLeft = o;
          conflicting.clear();
        }
      } else {
        break;
      }
      o = o.right;
    }
    return newLeft;
  }

  /** Links this item between {@link #left} and its right neighbour and updates the parent. */
  private void linkNeighbours(Txn txn) {
    if (left != null) {
      right = left.right;
      left.right = this;
    } else {
      Item r;
      if (parentSub != null) {
        r = parent.map.get(parentSub);
        while (r != null && r.left != null) {
          r = r.left;
        }
      } else {
        r = parent.start;
        parent.start = this;
      }
      right = r;
    }
    if (right != null) {
      right.left = this;
    } else if (parentSub != null) {
      parent.map.put(parentSub, this);
      if (left != null) {
        // this is now the key's value: the previous value is overwritten
        left.delete(txn);
      }
    }
    if (parentSub == null && countable() && !deleted()) {
      parent.length += length;
      parent.visibleInserted(length);
    }
  }

  /** Adds this item to the store, lets the content integrate and records the change. */
  private void register(Txn txn) {
    txn.doc.store.addStruct(this);
    content.integrate(txn, this);
    txn.addChangedType(parent, parentSub);
    if ((parent.item != null && parent.item.deleted()) || (parentSub != null && right != null)) {
      // the parent is gone, or a concurrent value of the same key won
      delete(txn);
    }
  }

  /** Marks this item deleted and records the deletion in the transaction. */
  public void delete(Txn txn) {
    if (deleted()) {
      return;
    }
    if (countable() && parentSub == null) {
      parent.length -= length;
      parent.visibleDeleted(length);
    }
    markDeleted();
    txn.deleteSet.add(client, clock, length);
    txn.addChangedType(parent, parentSub);
    content.delete(txn);
  }

  /** Drops the deleted content; the item becomes a GC struct when its parent is collected too. */
  public void gc(StructStore store, boolean parentCollected) {
    if (!deleted()) {
      throw new IllegalStateException("only deleted items are collected: " + this);
    }
    content.gc(store);
    if (parentCollected) {
      store.replaceStruct(this, new GcStruct(client, clock, length));
    } else {
      content = DeletedContent.of(length);
    }
  }

  /**
   * Splits this item after {@code diff} units; returns the new right half, which the store must
   * receive from the caller.
   */
  public Item split(Txn txn, int diff) {
    Content rest = content.splice(diff);
    if (content instanceof DeletedContent) {
      // shared and immutable: splice left it whole
      content = DeletedContent.of(diff);
    }
    Item r = new Item(client, clock + diff, null, null, rest);
    r.originClock = clock + diff - 1;
    r.rightOriginClock = rightOriginClock;
    if (rare != null) {
      Id redone = rare.redone;
      r.setRare(rare.parentRootName, rare.parentId,
          redone == null ? null : new Id(redone.client(), redone.clock() + diff), client, rightOriginClient());
    }
    r.left = this;
    r.right = right;
    r.parent = parent;
    r.parentSub = parentSub;
    r.flags = flags & ~MARKED; // a marker on this item stays here
    right = r;
    if (r.right != null) {
      r.right.left = r;
    }
    if (txn != null) {
      txn.addMergeStruct(r);
    }
    if (r.parentSub != null && r.right == null && parent != null) {
      parent.map.put(r.parentSub, r);
    }
    length = diff;
    return r;
  }

  @Override
  public boolean mergeWith(Struct other) {
    if (other instanceof Item r
        && r.originClock == clock + length - 1 && r.originClient() == client
        && right == r
        && sameRightOrigin(r)
        && client == r.client
        && clock + length == r.clock
        && deleted() == r.deleted()
        && redone() == null
        && r.redone() == null
        && content.getClass() == r.content.getClass()
        && mergeContent(r.content)) {
      if (r.keep()) {
        setKeep(true);
      }
      if (r.marked() && parent != null && parent.markers != null) {
        parent.markers.merged(r, this, !deleted() && countable() ? length : 0);
      }
      right = r.right;
      if (right != null) {
        right.left = this;
      }
      length += r.length;
      return true;
    }
    return false;
  }

  /**
   * Whether {@code more}, inserted locally right after this item and before {@code right} (its
   * neighbour), may simply extend this item. That is so when the new item would merge into this
   * one when the transaction ends anyway (see {@link #mergeWith}): this is the client's newest
   * item, nothing else of the client's came after it, both hold text, and this item was inserted
   * before {@code right}. It must also be the transaction's first content from this client, so
   * that one cut at the transaction's start clock gives back the items a transaction without
   * growing in place would have made (see {@link Txn#grewInPlace}).
   */
  boolean canGrowBy(Txn txn, Branch parent, Item right, Content more) {
    long own = txn.doc.clientId;
    long end = end();
    return client == own
        && this.parent == parent
        && parentSub == null
        && this.right == right
        && (flags & (DELETED | KEEP)) == 0
        && content instanceof StringContent
        && more instanceof StringContent
        && redone() == null
        && (right == null ? rightOriginClock == NONE
            : rightOriginClock == right.clock && rightOriginClient() == right.client)
        && (parent.item == null || !parent.item.deleted())
        && end + more.length() <= StructReader.MAX_CLOCK
        && end == txn.doc.store.getState(own)
        && end == txn.beforeState(own);
  }

  /**
   * Appends {@code more} to this item where {@link #canGrowBy} allows it: the store, the parent and
   * the transaction end up as if a new item had been inserted and merged into this one.
   */
  void growBy(Txn txn, Content more) {
    int n = more.length();
    txn.doc.store.lastStructGrows(this);
    content.mergeWith(more);
    length += n;
    parent.length += n;
    parent.visibleInserted(n);
    txn.addChangedType(parent, null);
    txn.grewInPlace = true;
  }

  /** Appends {@code r} (of the same class) to this item's content. */
  private boolean mergeContent(Content r) {
    if (content instanceof DeletedContent) {
      // shared and immutable: replaced rather than grown
      content = DeletedContent.of(content.length() + r.length());
      return true;
    }
    return content.mergeWith(r);
  }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    boolean hasOrigin = offset > 0 || hasOrigin();
    boolean hasRight = hasRightOrigin();
    int info = (content.ref() & ContentRef.REF_MASK)
        | (hasOrigin ? ContentRef.HAS_ORIGIN : 0)
        | (hasRight ? ContentRef.HAS_RIGHT_ORIGIN : 0)
        | (parentSub == null ? 0 : ContentRef.HAS_PARENT_SUB);
    encoder.writeInfo(info);
    if (offset > 0) {
      encoder.writeLeftId(client, clock + offset - 1);
    } else if (hasOrigin) {
      encoder.writeLeftId(originClient(), originClock);
    }
    if (hasRight) {
      encoder.writeRightId(rightOriginClient(), rightOriginClock);
    }
    if (!hasOrigin && !hasRight) {
      writeParent(encoder);
      if (parentSub != null) {
        encoder.writeString(parentSub);
      }
    }
    content.write(encoder, offset);
  }

  private void writeParent(UpdateEncoder encoder) {
    if (parent != null) {
      if (parent.item == null) {
        encoder.writeParentInfo(true);
        encoder.writeString(parent.rootName);
      } else {
        encoder.writeParentInfo(false);
        encoder.writeLeftId(parent.item.id());
      }
    } else if (parentRootName() != null) {
      encoder.writeParentInfo(true);
      encoder.writeString(parentRootName());
    } else if (parentId() != null) {
      encoder.writeParentInfo(false);
      encoder.writeLeftId(parentId());
    } else {
      throw new IllegalStateException("item without parent information: " + this);
    }
  }

  @Override
  public String toString() {
    return "Item(" + client + ":" + clock + ", len " + length + (deleted() ? ", deleted" : "")
        + ", origin " + origin() + ", rightOrigin " + rightOrigin()
        + (parentSub != null ? ", key " + parentSub : "") + ", " + content.getClass().getSimpleName() + ")";
  }
}
