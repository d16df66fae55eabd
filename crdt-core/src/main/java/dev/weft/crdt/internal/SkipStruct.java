package dev.weft.crdt.internal;

/**
 * A clock range that an update does not carry, so that each client's structs stay gap-free in
 * merged updates. Never integrated into a document.
 */
public final class SkipStruct extends Struct {
  public SkipStruct(long client, long clock, int length) {
    super(client, clock, length);
  }

  @Override
  public boolean deleted() {
    return true;
  }

  @Override
  public boolean mergeWith(Struct right) {
    if (right instanceof SkipStruct) {
      length += right.length;
      return true;
    }
    return false;
  }

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeInfo(ContentRef.SKIP);
    // Skip lengths are always written to the rest encoder, also in v2.
    encoder.rest().writeVarUint(length - offset);
  }

  @Override
  public void integrate(Txn txn, int offset) {
    throw new IllegalStateException("a Skip struct is never integrated");
  }

  @Override
  public long getMissing(Txn txn, StructStore store) {
    return -1;
  }

  @Override
  public String toString() {
    return "Skip(" + client + ":" + clock + ", len " + length + ")";
  }
}
