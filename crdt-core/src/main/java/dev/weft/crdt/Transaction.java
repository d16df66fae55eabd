package dev.weft.crdt;

import dev.weft.crdt.internal.Txn;

/**
 * A unit of change on a {@link Doc}: everything done inside
 * {@link Doc#transact(java.util.function.Consumer, Object)} is one transaction, observed and sent
 * to peers as one update.
 */
public final class Transaction {
  private final Txn txn;

  Transaction(Txn txn) {
    this.txn = txn;
  }

  /** The document this transaction changes. */
  public Doc doc() {
    return (Doc) txn.doc.api;
  }

  /** What the caller named as the cause of the change, or {@code null}. */
  public Object origin() {
    return txn.origin;
  }

  /** True for changes made through this document's API, false for applied updates. */
  public boolean isLocal() {
    return txn.local;
  }

  Txn internal() {
    return txn;
  }
}
