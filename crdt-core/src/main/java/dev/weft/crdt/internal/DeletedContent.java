package dev.weft.crdt.internal;

import java.util.List;

/**
 * What is left of deleted content after garbage collection: only its length.
 *
 * <p>Instances are immutable, so the short ones, which make up most of a document that saw many
 * small deletions, are shared ({@link #of}). Cutting and joining therefore give new instances:
 * {@link #splice} leaves this one as it is, and {@link #mergeWith} declines; {@link Item} swaps its
 * content for the right lengths instead.
 */
public final class DeletedContent implements Content {
  /** Lengths below this are shared (in a text's history, nearly all deletions are shorter). */
  private static final int SHARED = 256;
  private static final DeletedContent[] CACHE = new DeletedContent[SHARED];

  static {
    for (int i = 0; i < SHARED; i++) {
      CACHE[i] = new DeletedContent(i);
    }
  }

  private final int length;

  private DeletedContent(int length) {
    this.length = length;
  }

  /**
   * Deleted content of {@code length} units; short lengths share one instance. (Zero is accepted so
   * that a decoded struct of length zero is refused where every struct's length is checked.)
   */
  public static DeletedContent of(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative length: " + length);
    }
    return length < SHARED ? CACHE[length] : new DeletedContent(length);
  }

  @Override public int length() { return length; }
  @Override public boolean countable() { return false; }
  @Override public int ref() { return ContentRef.DELETED; }
  @Override public List<Object> values() { return List.of(); }
  @Override public Content copy() { return this; }

  /** The units from {@code offset} on; this instance stays whole (it may be shared). */
  @Override
  public Content splice(int offset) {
    return of(length - offset);
  }

  /** Always false: immutable, so the owner replaces its content by {@code of(sum)} instead. */
  @Override
  public boolean mergeWith(Content right) {
    return false;
  }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeLen(length - offset);
  }

  @Override
  public void integrate(Txn txn, Item item) {
    txn.deleteSet.add(item.client, item.clock, length);
    item.markDeleted();
  }
}
