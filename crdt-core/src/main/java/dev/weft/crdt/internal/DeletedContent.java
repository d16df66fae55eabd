package dev.weft.crdt.internal;

import java.util.List;

/** What is left of deleted content after garbage collection: only its length. */
public final class DeletedContent implements Content {
  private int length;

  public DeletedContent(int length) {
    this.length = length;
  }

  @Override public int length() { return length; }
  @Override public boolean countable() { return false; }
  @Override public int ref() { return ContentRef.DELETED; }
  @Override public List<Object> values() { return List.of(); }
  @Override public Content copy() { return new DeletedContent(length); }

  @Override
  public Content splice(int offset) {
    DeletedContent right = new DeletedContent(length - offset);
    length = offset;
    return right;
  }

  @Override
  public boolean mergeWith(Content right) {
    length += right.length();
    return true;
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
