package dev.weft.crdt.internal;

/**
 * A contiguous run of one client's clock: {@code [clock, clock + length)}. Every unit a client
 * ever created belongs to exactly one struct in the store; a struct is an {@link Item} (content in
 * a type), a {@link GcStruct} (collected content: only the length is left) or, only inside
 * updates, a {@link SkipStruct} (a range the update does not carry).
 */
public abstract sealed class Struct permits Item, GcStruct, SkipStruct {
  /** The creating client. */
  public final long client;
  /**
   * The clock of the first unit; changes only when a partly known struct is integrated. An int:
   * every clock stays below {@link StructReader#MAX_CLOCK}.
   */
  public int clock;
  /** Number of units covered, at least 1. */
  public int length;

  Struct(long client, long clock, int length) {
    this.client = client;
    this.clock = Math.toIntExact(clock);
    this.length = length;
  }

  public final Id id() {
    return new Id(client, clock);
  }

  /** The clock just after this struct (a long: on a struct not yet checked, the sum may pass an int). */
  public final long end() {
    return (long) clock + length;
  }

  public abstract boolean deleted();

  /** Appends {@code right} (adjacent, same client) if the two can be one struct. */
  public abstract boolean mergeWith(Struct right);

  /** Writes this struct without its first {@code offset} units. */
  public abstract void write(UpdateEncoder encoder, int offset);

  /**
   * Integrates the struct into the transaction's document; {@code offset} units at its start are
   * already known and are cut off.
   */
  public abstract void integrate(Txn txn, int offset);

  /**
   * Resolves what the struct refers to; returns the client whose missing history blocks it, or
   * {@code -1} when everything it needs is in the store.
   */
  public abstract long getMissing(Txn txn, StructStore store);
}
