package dev.weft.crdt;

/**
 * Receives the update of each transaction that changed the document, as Yjs update v1 bytes: the
 * structs the transaction added and the ranges it deleted. Send these bytes to peers; they apply
 * them with {@link Doc#applyUpdate(byte[], Object)}.
 */
@FunctionalInterface
public interface UpdateListener {
  /**
   * @param update the transaction's changes, Yjs update v1
   * @param origin the origin given to the transaction, or {@code null}
   * @param transaction the finished transaction
   */
  void onUpdate(byte[] update, Object origin, Transaction transaction);
}
