package dev.weft.crdt;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.DeleteSet;
import dev.weft.crdt.internal.Id;
import dev.weft.crdt.internal.Item;
import dev.weft.crdt.internal.Redo;
import dev.weft.crdt.internal.StructIteration;
import dev.weft.crdt.internal.Transactions;
import dev.weft.crdt.internal.TypeRegistry;
import dev.weft.crdt.internal.Txn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Per-user undo and redo over chosen shared types, with Yjs's {@code UndoManager} semantics.
 *
 * <pre>{@code
 * UndoManager undo = UndoManager.builder(text).build();
 * text.insert(0, "Hello");
 * undo.stopCapturing();
 * text.insert(5, " world");
 * undo.undo();   // "Hello"
 * undo.redo();   // "Hello world"
 * }</pre>
 *
 * <h2>What is tracked</h2>
 * After every transaction whose origin is tracked (by default {@code null}, the origin of local
 * edits, and the manager itself) and which changed a type in scope (or anything, when the scope
 * is the document), the manager records the clock ranges the transaction inserted and deleted.
 * Transactions within the capture timeout of the previous one (500 ms) are grouped into one
 * {@link StackItem}; {@link #stopCapturing()} starts a new one. Remote updates are not tracked, so
 * undo never reverts what other users did: undoing deletes what <em>this</em> user inserted and
 * re-inserts copies of what this user deleted (see {@code Redo} in the engine), at the place it
 * had, even after concurrent edits around it. Undoing pushes the reverse step on the redo stack;
 * any new tracked change clears the redo stack.
 *
 * <p>Deleted content referred to by a stack item is kept from garbage collection until the stack
 * item is cleared; other deleted content may be collected, so the documents need not disable GC.
 *
 * <p>Events (called synchronously, after the transaction's observers): a step was
 * {@linkplain #onStackItemAdded added}, {@linkplain #onStackItemUpdated extended} or
 * {@linkplain #onStackItemPopped popped}; the stacks were {@linkplain #onStackCleared cleared}.
 * Each step has a {@link StackItem#meta() meta} map for editor state such as the cursor.
 *
 * <p>Not thread-safe, like the document.
 */
public final class UndoManager implements AutoCloseable {
  /** A value an undo or redo is about to delete, for {@link Builder#deleteFilter}. */
  public record DeletionCandidate(SharedType parent, String key, List<Object> content) {}

  /** Which stacks {@link #clear(boolean, boolean)} cleared. */
  public record StackCleared(boolean undoStackCleared, boolean redoStackCleared) {}

  private final Doc doc;
  private final List<Branch> scope = new ArrayList<>();
  private boolean wholeDoc;
  private final Set<Object> trackedOrigins;
  private final Predicate<Transaction> captureTransaction;
  private final Predicate<DeletionCandidate> deleteFilter;
  private final boolean ignoreRemoteMapChanges;
  private final long captureTimeout;
  private final LongSupplier clock;
  private final List<StackItem> undoStack = new ArrayList<>();
  private final List<StackItem> redoStack = new ArrayList<>();
  private final List<Consumer<StackItemEvent>> added = new CopyOnWriteArrayList<>();
  private final List<Consumer<StackItemEvent>> updated = new CopyOnWriteArrayList<>();
  private final List<Consumer<StackItemEvent>> popped = new CopyOnWriteArrayList<>();
  private final List<Consumer<StackCleared>> cleared = new CopyOnWriteArrayList<>();
  private final Subscription subscription;
  private boolean undoing;
  private boolean redoing;
  private StackItem current;
  private boolean capturing;
  private long lastChange;

  private UndoManager(Builder b) {
    this.doc = b.doc;
    for (Object s : b.scope) {
      addToScope(s);
    }
    this.trackedOrigins = new HashSet<>(b.trackedOrigins);
    this.trackedOrigins.add(this);
    this.captureTransaction = b.captureTransaction;
    this.deleteFilter = b.deleteFilter;
    this.ignoreRemoteMapChanges = b.ignoreRemoteMapChanges;
    this.captureTimeout = b.captureTimeoutMillis;
    this.clock = b.clock;
    this.subscription = doc.onAfterTransaction(this::afterTransaction);
  }

  /** A manager over {@code types} (at least one; all of one document). */
  public static Builder builder(SharedType... types) {
    if (types.length == 0) {
      throw new IllegalArgumentException("name at least one type, or use builder(doc)");
    }
    Doc d = types[0].doc();
    if (d == null) {
      throw new IllegalArgumentException("the types must be part of a document");
    }
    Builder b = new Builder(d);
    Collections.addAll(b.scope, (Object[]) types);
    return b;
  }

  /** A manager over the whole document: every type, present and future. */
  public static Builder builder(Doc doc) {
    Builder b = new Builder(doc);
    b.scope.add(doc);
    return b;
  }

  /** Options of an {@link UndoManager}; the defaults are Yjs's. */
  public static final class Builder {
    private final Doc doc;
    private final List<Object> scope = new ArrayList<>();
    private final Set<Object> trackedOrigins = new HashSet<>(Collections.singleton(null));
    private Predicate<Transaction> captureTransaction = t -> true;
    private Predicate<DeletionCandidate> deleteFilter = c -> true;
    private boolean ignoreRemoteMapChanges;
    private long captureTimeoutMillis = 500;
    private LongSupplier clock = System::currentTimeMillis;

    private Builder(Doc doc) {
      this.doc = doc;
    }

    /** Transactions closer than this to the previous tracked one join its step (default 500). */
    public Builder captureTimeout(long millis) {
      this.captureTimeoutMillis = millis;
      return this;
    }

    /** The clock in milliseconds used for grouping (default {@link System#currentTimeMillis()}). */
    public Builder clock(LongSupplier millis) {
      this.clock = millis;
      return this;
    }

    /**
     * Replaces the tracked origins (default: only {@code null}); the manager always tracks itself.
     * An origin is tracked when the set contains it or its class.
     */
    public Builder trackedOrigins(Set<?> origins) {
      trackedOrigins.clear();
      trackedOrigins.addAll(origins);
      return this;
    }

    /** Tracks transactions only when {@code filter} accepts them. */
    public Builder captureTransaction(Predicate<Transaction> filter) {
      this.captureTransaction = filter;
      return this;
    }

    /** Undo and redo delete only what {@code filter} accepts. */
    public Builder deleteFilter(Predicate<DeletionCandidate> filter) {
      this.deleteFilter = filter;
      return this;
    }

    /** Lets undo overwrite map keys that other clients changed since (off by default). */
    public Builder ignoreRemoteMapChanges(boolean ignore) {
      this.ignoreRemoteMapChanges = ignore;
      return this;
    }

    public UndoManager build() {
      return new UndoManager(this);
    }
  }

  /** Adds types (or the document) to the scope. */
  public void addToScope(Object... types) {
    for (Object t : types) {
      if (t == doc) {
        wholeDoc = true;
      } else if (t instanceof SharedType st) {
        if (st.doc() != doc) {
          throw new IllegalArgumentException("the type belongs to another document");
        }
        Branch b = TypeRegistry.branchOf(st);
        if (!scope.contains(b)) {
          scope.add(b);
        }
      } else {
        throw new IllegalArgumentException("not a shared type of this document: " + t);
      }
    }
  }

  public void addTrackedOrigin(Object origin) {
    trackedOrigins.add(origin);
  }

  public void removeTrackedOrigin(Object origin) {
    trackedOrigins.remove(origin);
  }

  /** The next tracked change starts a new step instead of joining the last one. */
  public void stopCapturing() {
    capturing = false;
  }

  public boolean canUndo() {
    return !undoStack.isEmpty();
  }

  public boolean canRedo() {
    return !redoStack.isEmpty();
  }

  /** The steps that can be undone, oldest first (read-only). */
  public List<StackItem> undoStack() {
    return Collections.unmodifiableList(undoStack);
  }

  /** The steps that can be redone, oldest first (read-only). */
  public List<StackItem> redoStack() {
    return Collections.unmodifiableList(redoStack);
  }

  /** Whether an undo is running (its transaction is being observed). */
  public boolean isUndoing() {
    return undoing;
  }

  /** Whether a redo is running. */
  public boolean isRedoing() {
    return redoing;
  }

  /**
   * Undoes the last step that still changes something; returns it, or null when nothing was
   * undone.
   */
  public StackItem undo() {
    undoing = true;
    try {
      return pop(undoStack, StackItemEvent.Kind.UNDO);
    } finally {
      undoing = false;
    }
  }

  /** Redoes the last undone step; returns it, or null when nothing was redone. */
  public StackItem redo() {
    redoing = true;
    try {
      return pop(redoStack, StackItemEvent.Kind.REDO);
    } finally {
      redoing = false;
    }
  }

  /** Clears both stacks (the deleted content they kept may be collected from now on). */
  public void clear() {
    clear(true, true);
  }

  public void clear(boolean undoStackToo, boolean redoStackToo) {
    if ((undoStackToo && canUndo()) || (redoStackToo && canRedo())) {
      Transactions.transact(doc.state(), txn -> {
        if (undoStackToo) {
          undoStack.forEach(s -> release(txn, s));
          undoStack.clear();
        }
        if (redoStackToo) {
          redoStack.forEach(s -> release(txn, s));
          redoStack.clear();
        }
        StackCleared e = new StackCleared(undoStackToo, redoStackToo);
        cleared.forEach(l -> l.accept(e));
      }, null, true);
    }
  }

  public Subscription onStackItemAdded(Consumer<StackItemEvent> listener) {
    return subscribe(added, listener);
  }

  public Subscription onStackItemUpdated(Consumer<StackItemEvent> listener) {
    return subscribe(updated, listener);
  }

  public Subscription onStackItemPopped(Consumer<StackItemEvent> listener) {
    return subscribe(popped, listener);
  }

  public Subscription onStackCleared(Consumer<StackCleared> listener) {
    return subscribe(cleared, listener);
  }

  private static <T> Subscription subscribe(List<T> list, T listener) {
    list.add(listener);
    return () -> list.remove(listener);
  }

  /** Stops tracking the document. The stacks are left as they are. */
  @Override
  public void close() {
    trackedOrigins.remove(this);
    subscription.close();
  }

  // ---------------------------------------------------------------------------------------------

  private boolean inScope(Item item) {
    if (wholeDoc) {
      return true;
    }
    for (Branch b : scope) {
      if (Redo.isParentOf(b, item)) {
        return true;
      }
    }
    return false;
  }

  private boolean tracks(Object origin) {
    return trackedOrigins.contains(origin) || (origin != null && trackedOrigins.contains(origin.getClass()));
  }

  private void release(Txn txn, StackItem s) {
    StructIteration.iterateDeleted(txn, s.deletions, st -> {
      if (st instanceof Item item && inScope(item)) {
        Redo.keepItem(item, false);
      }
    });
  }

  private void afterTransaction(Txn txn) {
    if (!captureTransaction.test(DocEvents.publicTransaction(txn))) {
      return;
    }
    Set<Branch> changedParents = StackItems.changedParentTypes(txn);
    boolean touches = wholeDoc;
    for (Branch b : scope) {
      touches |= changedParents.contains(b);
    }
    if (!touches || !tracks(txn.origin)) {
      return;
    }
    List<StackItem> stack = undoing ? redoStack : undoStack;
    if (undoing) {
      stopCapturing();
    } else if (!redoing) {
      clear(false, true);
    }
    DeleteSet insertions = new DeleteSet();
    for (long client : txn.changedClients()) {
      long before = txn.beforeState(client);
      insertions.add(client, before, txn.afterState(client) - before);
    }
    long now = clock.getAsLong();
    boolean didAdd = false;
    if (capturing && now - lastChange < captureTimeout && !stack.isEmpty() && !undoing && !redoing) {
      StackItem last = stack.get(stack.size() - 1);
      last.deletions = StackItems.merge(last.deletions, txn.deleteSet);
      last.insertions = StackItems.merge(last.insertions, insertions);
    } else {
      stack.add(new StackItem(StackItems.merge(txn.deleteSet, new DeleteSet()), insertions.sortAndMerge()));
      didAdd = true;
    }
    if (!undoing && !redoing) {
      lastChange = now;
      capturing = true;
    }
    StructIteration.iterateDeleted(txn, txn.deleteSet, st -> {
      if (st instanceof Item item && inScope(item)) {
        Redo.keepItem(item, true);
      }
    });
    StackItemEvent event = new StackItemEvent(stack.get(stack.size() - 1), txn.origin,
        undoing ? StackItemEvent.Kind.REDO : StackItemEvent.Kind.UNDO, StackItems.views(changedParents));
    (didAdd ? added : updated).forEach(l -> l.accept(event));
  }

  private Redo.Stacks stacks() {
    return new Redo.Stacks() {
      @Override
      public boolean deletedByAStack(Id id) {
        return StackItems.anyDeletes(undoStack, id) || StackItems.anyDeletes(redoStack, id);
      }

      @Override
      public boolean ignoreRemoteMapChanges() {
        return ignoreRemoteMapChanges;
      }
    };
  }

  private StackItem pop(List<StackItem> stack, StackItemEvent.Kind kind) {
    Txn[] done = new Txn[1];
    Transactions.transact(doc.state(), txn -> {
      while (!stack.isEmpty() && current == null) {
        StackItem item = stack.remove(stack.size() - 1);
        current = StackItems.revert(txn, item, this::inScope, deleteFilter, stacks()) ? item : null;
      }
      done[0] = txn;
    }, this, true);
    StackItem result = current;
    if (result != null) {
      StackItemEvent event = new StackItemEvent(result, this, kind, StackItems.views(StackItems.changedParentTypes(done[0])));
      try {
        popped.forEach(l -> l.accept(event));
      } finally {
        current = null;
      }
    }
    return result;
  }
}
