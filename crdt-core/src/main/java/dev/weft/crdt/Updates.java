package dev.weft.crdt;

import dev.weft.crdt.internal.StateVectors;
import dev.weft.crdt.internal.UpdateApplier;
import dev.weft.crdt.internal.UpdateDescriber;
import dev.weft.crdt.internal.UpdateDiffer;
import dev.weft.crdt.internal.UpdateFormats;
import dev.weft.crdt.internal.UpdateMerger;
import dev.weft.crdt.internal.UpdatesV2;
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
    if (updates.size() == 1) {
      UpdateApplier.decodeV1(updates.get(0)); // returned as it is, so checked here
    }
    // merging reads and checks every input whole (structs, delete set, no trailing bytes)
    return UpdateMerger.mergeV1(updates);
  }

  public static byte[] mergeUpdates(byte[]... updates) {
    return mergeUpdates(Arrays.asList(updates));
  }

  /** What {@code update} holds beyond the state vector {@code stateVector}. */
  public static byte[] diffUpdate(byte[] update, byte[] stateVector) {
    // diffing reads and checks the whole update
    return UpdateDiffer.diffV1(update, StateVectors.decode(stateVector));
  }

  /** The state vector a document would have after applying only {@code update} to an empty one. */
  public static byte[] encodeStateVectorFromUpdate(byte[] update) {
    UpdateApplier.decodeV1(update);
    return UpdateDiffer.stateVectorFromUpdateV1(update);
  }

  public static byte[] encodeStateAsUpdateV2(Doc doc) {
    return doc.encodeStateAsUpdateV2();
  }

  public static byte[] encodeStateAsUpdateV2(Doc doc, byte[] stateVector) {
    return doc.encodeStateAsUpdateV2(stateVector);
  }

  public static void applyUpdateV2(Doc doc, byte[] update) {
    doc.applyUpdateV2(update);
  }

  public static void applyUpdateV2(Doc doc, byte[] update, Object origin) {
    doc.applyUpdateV2(update, origin);
  }

  /**
   * {@link #mergeUpdates(List)} for updates v2. Computed through v1, so embed and format values
   * that JSON cannot hold (−0, NaN, big integers) do not survive; see {@code UpdatesV2}.
   */
  public static byte[] mergeUpdatesV2(List<byte[]> updates) {
    return UpdatesV2.merge(updates);
  }

  /** {@link #diffUpdate} for an update v2. */
  public static byte[] diffUpdateV2(byte[] update, byte[] stateVector) {
    return UpdatesV2.diff(update, StateVectors.decode(stateVector));
  }

  /** {@link #encodeStateVectorFromUpdate} for an update v2. */
  public static byte[] encodeStateVectorFromUpdateV2(byte[] update) {
    return UpdatesV2.stateVectorFromUpdate(update);
  }

  /** The same update in format v2, byte-identical to Yjs's {@code convertUpdateFormatV1ToV2}. */
  public static byte[] convertUpdateFormatV1ToV2(byte[] update) {
    return UpdateFormats.convertV1ToV2(update);
  }

  /** The same update in format v1, byte-identical to Yjs's {@code convertUpdateFormatV2ToV1}. */
  public static byte[] convertUpdateFormatV2ToV1(byte[] update) {
    return UpdateFormats.convertV2ToV1(update);
  }

  /**
   * Whether {@code update} is in format v2 rather than v1, by trying to decode it as each. A
   * heuristic: the formats carry no marker, bytes valid in both count as v1, and bytes valid in
   * neither give false. Prefer knowing the format from the channel.
   */
  public static boolean isUpdateV2(byte[] update) {
    return UpdateFormats.isV2(update);
  }

  /** The structs and delete set of an update, human-readable. */
  public static String describe(byte[] update) {
    return UpdateDescriber.describe(update);
  }
}
