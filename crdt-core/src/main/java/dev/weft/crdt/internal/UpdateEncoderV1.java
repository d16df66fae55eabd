package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Encoder;

/** Update format v1: every field written in place, ids as two varUints, lengths as varUints. */
public final class UpdateEncoderV1 implements UpdateEncoder {
  private final Encoder enc;

  public UpdateEncoderV1() {
    this(new Encoder());
  }

  public UpdateEncoderV1(Encoder enc) {
    this.enc = enc;
  }

  @Override public Encoder rest() { return enc; }
  @Override public void writeClient(long client) { enc.writeVarUint(client); }
  @Override public void writeInfo(int info) { enc.writeUint8(info); }

  @Override
  public void writeLeftId(Id id) {
    enc.writeVarUint(id.client());
    enc.writeVarUint(id.clock());
  }

  @Override
  public void writeRightId(Id id) {
    enc.writeVarUint(id.client());
    enc.writeVarUint(id.clock());
  }

  @Override
  public void writeLeftId(long client, long clock) {
    enc.writeVarUint(client);
    enc.writeVarUint(clock);
  }

  @Override
  public void writeRightId(long client, long clock) {
    enc.writeVarUint(client);
    enc.writeVarUint(clock);
  }

  @Override public void writeParentInfo(boolean isRootName) { enc.writeVarUint(isRootName ? 1 : 0); }
  @Override public void writeString(String s) { enc.writeVarString(s); }
  @Override public void writeLatin1String(byte[] latin1, int from, int to) { enc.writeVarLatin1String(latin1, from, to); }
  @Override public void writeKey(String key) { enc.writeVarString(key); }
  @Override public void writeTypeRef(int typeRef) { enc.writeVarUint(typeRef); }
  @Override public void writeLen(long length) { enc.writeVarUint(length); }
  @Override public void writeAny(Object value) { enc.writeAny(value); }
  @Override public void writeBuf(byte[] bytes) { enc.writeVarBytes(bytes); }
  @Override public void writeJsonText(String json) { enc.writeVarString(json); }
  @Override public void resetDsCurVal() {}
  @Override public void writeDsClock(long clock) { enc.writeVarUint(clock); }
  @Override public void writeDsLen(long length) { enc.writeVarUint(length); }
  @Override public byte[] toByteArray() { return enc.toByteArray(); }
}
