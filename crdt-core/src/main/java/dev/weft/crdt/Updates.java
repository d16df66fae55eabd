package dev.weft.crdt;

import dev.weft.crdt.internal.StateVectors;
import dev.weft.crdt.internal.UpdateApplier;
import dev.weft.crdt.internal.UpdateDescriber;
import dev.weft.crdt.internal.UpdateDiffer;
import dev.weft.crdt.internal.UpdateMerger;
import java.util.Arrays;
import java.util.List;

/**
 * Yjs update v1 as bytes: encode and apply against a document, and combine updates without one
 * (a server can store, compact and serve documents without loading them).
 *
 * <p>Every method taking bytes throws {@link dev.weft.crdt.encoding.DecodingException} for
 * malformed input.
 */
public final class Updates {
  private Updates() {}

  public static byte[] encodeStateAsUpdate(Doc doc) {
    return doc.encodeStateAsUpdate();
  }

  public static byte[] encodeStateAsUpdate(Doc doc, byte[] stateVector) {
    return doc.encodeStateAsUpdate(stateVector);
  }

  public static byte[] encodeStateVector(Doc doc) {
    return doc.encodeStateVector();
  }

  public static void applyUpdate(Doc doc, byte[] update) {
    doc.applyUpdate(update);
  }

  public static void applyUpdate(Doc doc, byte[] update, Object origin) {
    doc.applyUpdate(update, origin);
  }

  /** One update holding everything the given updates hold, in any order and with duplicates. */
  public static byte[] mergeUpdates(List<byte[]> updates) {
    if (updates.isEmpty()) {
      return new byte[] {0, 0};
    }
    for (byte[] u : updates) {
      UpdateApplier.decodeV1(u); // validate each input whole before combining
    }
    return UpdateMerger.mergeV1(updates);
  }

  public static byte[] mergeUpdates(byte[]... updates) {
    return mergeUpdates(Arrays.asList(updates));
  }

  /** What {@code update} holds beyond the state vector {@code stateVector}. */
  public static byte[] diffUpdate(byte[] update, byte[] stateVector) {
    UpdateApplier.decodeV1(update);
    return UpdateDiffer.diffV1(update, StateVectors.decode(stateVector));
  }

  /** The state vector a document would have after applying only {@code update} to an empty one. */
  public static byte[] encodeStateVectorFromUpdate(byte[] update) {
    UpdateApplier.decodeV1(update);
    return UpdateDiffer.stateVectorFromUpdateV1(update);
  }

  /** The structs and delete set of an update, human-readable. */
  public static String describe(byte[] update) {
    return UpdateDescriber.describe(update);
  }
}
