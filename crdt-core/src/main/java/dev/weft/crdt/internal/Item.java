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
 */
public final class Item extends Struct {
  private static final int KEEP = 1;
  private static final int COUNTABLE = 2;
  private static final int DELETED = 4;
  /** The item is, or was, a remembered position (see {@link SequenceMarkers}); only a hint. */
  private static final int MARKED = 8;

  /** Marks "no origin" in {@link #originClient} and {@link #rightOriginClient}. */
  private static final long NONE = -1;

  /*
   * The origins are kept as primitive pairs rather than as Id objects: two Ids per item were a
   * third of a loaded document's heap. Clocks fit an int (see StructReader.MAX_CLOCK).
   */
  private long originClient;
  private int originClock;
  private long rightOriginClient;
  private int rightOriginClock;
  /** The current left neighbour in the parent's list (or the previous value of the same map key). */
  public Item left;
  /** The current right neighbour in the parent's list (or the next value of the same map key). */
  public Item right;
  /** The type this item belongs to; null before integration and for items collected as GC. */
  public Branch parent;
  /** The root-type name of the parent as decoded, when the update named it; used until integration. */
  public String parentRootName;
  /** The id of the item holding the parent type as decoded, when the update named it. */
  public Id parentId;
  /** The map key this item is a value of, or null for sequence content. */
  public String parentSub;
  /** What the item holds; becomes {@link DeletedContent} when collected. */
  public Content content;
  /** Where an undo re-created this item, or null. */
  public Id redone;
  private int flags;

  public Item(long client, long clock, Id origin, Id rightOrigin, Content content) {
    super(client, clock, content.length());
    setOrigin(origin);
    setRightOrigin(rightOrigin);
    this.content = content;
    this.flags = content.countable() ? COUNTABLE : 0;
  }

  /** Id of the last unit of the left neighbour at insertion time; null when inserted at the start. */
  public Id origin() {
    return originClient == NONE ? null : new Id(originClient, originClock);
  }

  /** Id of the first unit of the right neighbour at insertion time; null when inserted at the end. */
  public Id rightOrigin() {
    return rightOriginClient == NONE ? null : new Id(rightOriginClient, rightOriginClock);
  }

  /** Sets the left origin (null: inserted at the start). */
  public void setOrigin(Id id) {
    if (id == null) {
      originClient = NONE;
    } else {
      setOrigin(id.client(), id.clock());
    }
  }

  private void setOrigin(long client, long clock) {
    originClient = client;
    originClock = Math.toIntExact(clock);
  }

  /** Sets the right origin (null: inserted at the end). */
  public void setRightOrigin(Id id) {
    if (id == null) {
      rightOriginClient = NONE;
    } else {
      rightOriginClient = id.client();
      rightOriginClock = Math.toIntExact(id.clock());
    }
  }

  /** Whether the item has a left origin (was not inserted at the start). */
  public boolean hasOrigin() {
    return originClient != NONE;
  }

  /** Whether the item has a right origin (was not inserted at the end). */
  public boolean hasRightOrigin() {
    return rightOriginClient != NONE;
  }

  /** Whether both items were inserted after the same unit (or both at the start). */
  private boolean sameOrigin(Item o) {
    return originClient == o.originClient && (originClient == NONE || originClock == o.originClock);
  }

  /** Whether both items were inserted before the same unit (or both at the end). */
  private boolean sameRightOrigin(Item o) {
    return rightOriginClient == o.rightOriginClient
        && (rightOriginClient == NONE || rightOriginClock == o.rightOriginClock);
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
  /** Whether a marker may point at this item (false: certainly none does). */
  boolean mayBeMarked() {
    return (flags & MARKED) != 0;
  }

  void setMayBeMarked() {
    flags |= MARKED;
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
    if (originClient != NONE && originClient != client && originClock >= store.getState(originClient)) {
      return originClient;
    }
    if (rightOriginClient != NONE && rightOriginClient != client
        && rightOriginClock >= store.getState(rightOriginClient)) {
      return rightOriginClient;
    }
    if (parentId != null && parentId.client() != client && parentId.clock() >= store.getState(parentId.client())) {
      return parentId.client();
    }
    boolean nextToGc = false;
    if (originClient != NONE) {
      Struct l = store.getItemCleanEnd(txn, originClient, originClock);
      if (l instanceof Item li) {
        left = li;
        setOrigin(li.client, li.clock + li.length - 1);
      } else {
        nextToGc = true;
      }
    }
    if (rightOriginClient != NONE) {
      Struct r = store.getItemCleanStart(txn, rightOriginClient, rightOriginClock);
      if (r instanceof Item ri) {
        right = ri;
        rightOriginClient = ri.client;
        rightOriginClock = (int) ri.clock;
      } else {
        nextToGc = true;
      }
    }
    if (nextToGc) {
      parent = null;
    } else if (parentId != null) {
      Struct p = store.find(parentId);
      parent = p instanceof Item pi && pi.content instanceof TypeContent tc ? tc.type() : null;
    } else if (parentRootName != null) {
      parent = txn.doc.root(parentRootName);
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
      } else if (o.originClient != NONE && beforeOrigin.contains(store.getItem(o.originClient, o.originClock))) {
        // case 2: o continues a run that started among the items we passed
        if (!conflicting.contains(store.getItem(o.originClient, o.originClock))) {
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
      content = new DeletedContent(length);
    }
  }

  /**
   * Splits this item after {@code diff} units; returns the new right half, which the store must
   * receive from the caller.
   */
  public Item split(Txn txn, int diff) {
    Item r = new Item(client, clock + diff, null, null, content.splice(diff));
    r.setOrigin(client, clock + diff - 1);
    r.rightOriginClient = rightOriginClient;
    r.rightOriginClock = rightOriginClock;
    r.left = this;
    r.right = right;
    r.parent = parent;
    r.parentSub = parentSub;
    r.parentRootName = parentRootName;
    r.parentId = parentId;
    r.flags = flags;
    if (redone != null) {
      r.redone = new Id(redone.client(), redone.clock() + diff);
    }
    right = r;
    if (r.right != null) {
      r.right.left = r;
    }
    if (txn != null) {
      txn.mergeStructs.add(r);
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
        && r.originClient == client && r.originClock == clock + length - 1
        && right == r
        && sameRightOrigin(r)
        && client == r.client
        && clock + length == r.clock
        && deleted() == r.deleted()
        && redone == null
        && r.redone == null
        && content.getClass() == r.content.getClass()
        && content.mergeWith(r.content)) {
      if (r.keep()) {
        setKeep(true);
      }
      if (r.mayBeMarked() && parent != null && parent.markers != null) {
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

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    boolean hasOrigin = offset > 0 || originClient != NONE;
    boolean hasRight = rightOriginClient != NONE;
    int info = (content.ref() & ContentRef.REF_MASK)
        | (hasOrigin ? ContentRef.HAS_ORIGIN : 0)
        | (hasRight ? ContentRef.HAS_RIGHT_ORIGIN : 0)
        | (parentSub == null ? 0 : ContentRef.HAS_PARENT_SUB);
    encoder.writeInfo(info);
    if (offset > 0) {
      encoder.writeLeftId(client, clock + offset - 1);
    } else if (hasOrigin) {
      encoder.writeLeftId(originClient, originClock);
    }
    if (hasRight) {
      encoder.writeRightId(rightOriginClient, rightOriginClock);
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
    } else if (parentRootName != null) {
      encoder.writeParentInfo(true);
      encoder.writeString(parentRootName);
    } else if (parentId != null) {
      encoder.writeParentInfo(false);
      encoder.writeLeftId(parentId);
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
