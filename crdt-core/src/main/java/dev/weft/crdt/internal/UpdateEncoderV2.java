package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Encoder;
import dev.weft.crdt.encoding.Json;

/**
 * Update format v2: the same fields as v1, but each kind of field goes to its own column, and each
 * column is compressed by the codec that suits it. Structs of one client tend to repeat infos,
 * clients and lengths and to step clocks by a constant, so runs collapse; Yjs reports updates of
 * real documents about a third smaller than v1, and they compress better still.
 *
 * <pre>
 * update := varUint(0)                      feature flag, always 0
 *           varBytes(keyClock)              IntDiffOptRle: 0, 1, 2, … one per key
 *           varBytes(client)                UintOptRle: block clients and the clients of ids
 *           varBytes(leftClock)             IntDiffOptRle: clocks of origins and parent ids
 *           varBytes(rightClock)            IntDiffOptRle: clocks of right origins
 *           varBytes(info)                  Rle of uint8
 *           varBytes(string)                StringColumn: strings, root names, map keys, keys
 *           varBytes(parentInfo)            Rle of uint8 (1: root name follows, 0: id)
 *           varBytes(typeRef)               UintOptRle
 *           varBytes(len)                   UintOptRle: GC, deleted, any and JSON lengths
 *           rest                            not length-prefixed: block counts and clocks, Skip
 *                                           lengths, any values, buffers, the delete set
 * </pre>
 *
 * <p>Porting notes (Yjs {@code UpdateEncoderV2}, {@code DSEncoderV2}): keys are written as
 * Yjs 13.6 writes them, with its key cache disabled: the key clock counts up on every key and
 * the key string is always written. Embed and format values, held as JSON text, are written as
 * {@code any} after parsing (object keys in JavaScript's order, see {@link JsKeyOrder}). In the
 * delete set, a clock is written as the distance from the end of the previous range of the same
 * client and a length as length − 1.
 */
public final class UpdateEncoderV2 implements UpdateEncoder {
  private final Encoder rest = new Encoder();
  private final IntDiffOptRleEncoder keyClocks = new IntDiffOptRleEncoder();
  private final UintOptRleEncoder clients = new UintOptRleEncoder();
  private final IntDiffOptRleEncoder leftClocks = new IntDiffOptRleEncoder();
  private final IntDiffOptRleEncoder rightClocks = new IntDiffOptRleEncoder();
  private final RleEncoder infos = new RleEncoder();
  private final StringColumnEncoder strings = new StringColumnEncoder();
  private final RleEncoder parentInfos = new RleEncoder();
  private final UintOptRleEncoder typeRefs = new UintOptRleEncoder();
  private final UintOptRleEncoder lens = new UintOptRleEncoder();
  private long keyClock;
  private long dsCurVal;

  @Override public Encoder rest() { return rest; }
  @Override public void writeClient(long client) { clients.write(client); }
  @Override public void writeInfo(int info) { infos.write(info); }

  @Override
  public void writeLeftId(Id id) {
    writeLeftId(id.client(), id.clock());
  }

  @Override
  public void writeRightId(Id id) {
    writeRightId(id.client(), id.clock());
  }

  @Override
  public void writeLeftId(long client, long clock) {
    clients.write(client);
    leftClocks.write(clock);
  }

  @Override
  public void writeRightId(long client, long clock) {
    clients.write(client);
    rightClocks.write(clock);
  }

  @Override public void writeParentInfo(boolean isRootName) { parentInfos.write(isRootName ? 1 : 0); }
  @Override public void writeString(String s) { strings.write(s); }

  @Override
  public void writeKey(String key) {
    keyClocks.write(keyClock++);
    strings.write(key);
  }

  @Override public void writeTypeRef(int typeRef) { typeRefs.write(typeRef); }
  @Override public void writeLen(long length) { lens.write(length); }
  @Override public void writeAny(Object value) { rest.writeAny(JsKeyOrder.apply(value)); }
  @Override public void writeBuf(byte[] bytes) { rest.writeVarBytes(bytes); }
  @Override public void writeJsonText(String json) { rest.writeAny(JsKeyOrder.apply(Json.parse(json))); }
  @Override public void resetDsCurVal() { dsCurVal = 0; }

  @Override
  public void writeDsClock(long clock) {
    rest.writeVarUint(clock - dsCurVal);
    dsCurVal = clock;
  }

  @Override
  public void writeDsLen(long length) {
    if (length <= 0) {
      throw new IllegalArgumentException("a delete range must not be empty: length=" + length);
    }
    rest.writeVarUint(length - 1);
    dsCurVal += length;
  }

  /** The update; finishes the columns, so call it once, after everything is written. */
  @Override
  public byte[] toByteArray() {
    Encoder out = new Encoder(rest.length() + 64);
    out.writeVarUint(0);
    out.writeVarBytes(keyClocks.toByteArray());
    out.writeVarBytes(clients.toByteArray());
    out.writeVarBytes(leftClocks.toByteArray());
    out.writeVarBytes(rightClocks.toByteArray());
    out.writeVarBytes(infos.toByteArray());
    out.writeVarBytes(strings.toByteArray());
    out.writeVarBytes(parentInfos.toByteArray());
    out.writeVarBytes(typeRefs.toByteArray());
    out.writeVarBytes(lens.toByteArray());
    out.writeBytes(rest.toByteArray());
    return out.toByteArray();
  }
}
