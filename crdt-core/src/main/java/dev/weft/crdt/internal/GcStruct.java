package dev.weft.crdt.internal;

/** Collected content: the clock range is known to have existed and to be deleted, nothing else. */
public final class GcStruct extends Struct {
  public GcStruct(long client, long clock, int length) {
    super(client, clock, length);
  }

  @Override
  public boolean deleted() {
    return true;
  }

  @Override
  public boolean mergeWith(Struct right) {
    if (right instanceof GcStruct) {
      length += right.length;
      return true;
    }
    return false;
  }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeInfo(ContentRef.GC);
    encoder.writeLen(length - offset);
  }

  @Override
  public void integrate(Txn txn, int offset) {
    if (offset > 0) {
      clock += offset;
      length -= offset;
    }
    txn.doc.store.addStruct(this);
  }

  @Override
  public long getMissing(Txn txn, StructStore store) {
    return -1;
  }

  @Override
  public String toString() {
    return "GC(" + client + ":" + clock + ", len " + length + ")";
  }
}
