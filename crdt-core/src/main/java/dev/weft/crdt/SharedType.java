package dev.weft.crdt;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.DocState;
import dev.weft.crdt.internal.Transactions;
import dev.weft.crdt.internal.Txn;
import dev.weft.crdt.internal.TypeRegistry;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A shared data structure inside a {@link Doc}: a root type (named, created on first use) or a
 * type nested in another. Every replica of the document converges to the same content.
 *
 * <p>A type created with its constructor ({@code new YMap()}) is <em>preliminary</em>: edits made
 * to it are kept and replayed when it is inserted into a document; reading it before that fails.
 */
public abstract class SharedType {
  static {
    TypeRegistry.setAccessor(t -> t.branch);
  }

  /** The engine state behind this type. */
  final Branch branch;

  /** For subclasses in other Weft modules; applications use the subclasses' constructors. */
  protected SharedType(Branch branch) {
    this.branch = branch;
    branch.bindView(this);
  }

  /** The engine state behind this type, for subclasses in other Weft modules. */
  protected final Branch branch() {
    return branch;
  }

  /** The document this type belongs to, or null while it is preliminary. */
  public Doc doc() {
    return branch.doc == null ? null : (Doc) branch.doc.api;
  }

  /** The type this one is nested in, or null for a root or a preliminary type. */
  public SharedType parent() {
    Branch p = branch.parentBranch();
    return p == null ? null : p.view();
  }

  /** Whether this type is nested in a type that was deleted (its content is gone). */
  public boolean isDeleted() {
    return branch.item != null && branch.item.deleted();
  }

  /**
   * Calls {@code observer} after each transaction that changed this type's own content (not
   * nested types). Read the event's delta and keys inside the call.
   */
  public Subscription observe(Consumer<YEvent> observer) {
    Consumer<Object> c = e -> observer.accept((YEvent) e);
    branch.observers.add(c);
    return () -> branch.observers.remove(c);
  }

  /** Calls {@code observer} with the events of this type and every type nested in it. */
  @SuppressWarnings("unchecked")
  public Subscription observeDeep(Consumer<List<YEvent>> observer) {
    Consumer<Object> c = e -> observer.accept((List<YEvent>) e);
    branch.deepObservers.add(c);
    return () -> branch.deepObservers.remove(c);
  }

  /** The content as plain Java values (maps, lists, strings, numbers...). */
  public abstract Object toJson();

  /**
   * The content as it was at {@code snapshot}, as plain Java values; the document must keep its
   * history ({@link Doc#setGc(boolean) gc off}). Supported by maps, arrays and text.
   *
   * @throws UnsupportedOperationException for types that cannot be read at a snapshot
   */
  public Object toJson(Snapshot snapshot) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be read at a snapshot");
  }

  /** {@code value} as plain Java values at {@code snapshot} (nested types read at it too). */
  protected static Object jsonAt(Object value, Snapshot snapshot) {
    Object v = dev.weft.crdt.internal.SequenceOps.publicValue(value);
    return v instanceof SharedType t ? t.toJson(snapshot) : v;
  }

  /** Creates the event describing this transaction's changes; text types refine it. */
  protected YEvent createEvent(Transaction transaction, Set<String> keysChanged) {
    return new YEvent(this, transaction, keysChanged);
  }

  /**
   * Runs a local edit: in the document's transaction (joining one in progress), or, while the
   * type is preliminary, later, when it is inserted.
   */
  protected final void edit(Consumer<Txn> op) {
    DocState doc = branch.doc;
    if (doc == null) {
      if (branch.prelim == null) {
        branch.prelim = new java.util.ArrayList<>();
      }
      branch.prelim.add(op);
      return;
    }
    if (doc.transaction != null) {
      // joins the transaction in progress; called here rather than in transact() so that this
      // call site sees only the edits of shared types, few enough for the JIT to inline them
      op.accept(doc.transaction);
      return;
    }
    Transactions.transact(doc, op, null, true);
  }

  /** Fails if the type cannot be read yet. */
  protected final void requireIntegrated() {
    if (branch.doc == null) {
      throw new IllegalStateException("insert this " + getClass().getSimpleName()
          + " into a document before reading it");
    }
  }

  @Override
  public String toString() {
    return String.valueOf(toJson());
  }
}
