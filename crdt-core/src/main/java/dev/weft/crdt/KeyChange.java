package dev.weft.crdt;

/**
 * How one map key changed in a transaction.
 *
 * @param action what happened to the key
 * @param oldValue the value before the transaction ({@code null} when the key was added)
 */
public record KeyChange(Action action, Object oldValue) {
  /** What happened to a key. */
  public enum Action {
    ADD,
    UPDATE,
    DELETE
  }
}
