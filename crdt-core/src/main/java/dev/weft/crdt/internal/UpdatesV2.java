package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The document operations of update format v2: apply, encode the state, encode a transaction,
 * and merge, diff and summarise updates without a document.
 *
 * <p>Encoding a document and applying an update use the v2 codec directly. Merging and diffing
 * go through v1 ({@code v2 → v1 → operation → v2}): the struct algorithms are format-independent
 * in Yjs too, so the bytes are those of Yjs's {@code mergeUpdatesV2} / {@code diffUpdateV2}
 * whenever the v1 operation matches Yjs's v1 operation. The detour costs two extra conversions, and
 * it loses what JSON text cannot hold in embed and format values (−0, NaN, undefined object
 * members, big integers, byte arrays), which Yjs's direct v2 merge keeps.
 *
 * <p>Pending structs and deletes are held as update v1 inside the store, whichever format
 * delivered them.
 */
public final class UpdatesV2 {
  private UpdatesV2() {}

  /** Applies an update v2 in a (possibly joined) transaction; malformed bytes change nothing. */
  public static void apply(DocState doc, byte[] update, Object origin) {
    UpdateApplier.Decoded decoded = UpdateFormats.decodeV2(update);
    Transactions.transact(doc, txn -> UpdateApplier.apply(txn, decoded, UpdatesV2::reapplyV1), origin, false);
  }

  private static void reapplyV1(Txn txn, byte[] pendingV1) {
    UpdateApplier.apply(txn, UpdateApplier.decodeV1(pendingV1), UpdatesV2::reapplyV1);
  }

  /**
   * The state after {@code target} as an update v2, pending data included (Yjs
   * {@code encodeStateAsUpdateV2}).
   */
  public static byte[] encodeStateAsUpdate(DocState doc, Map<Long, Long> target) {
    if (doc.store.pendingStructs == null && doc.store.pendingDeletes == null) {
      UpdateEncoderV2 enc = new UpdateEncoderV2();
      UpdateWriter.writeStateAsUpdate(enc, doc, target);
      return enc.toByteArray();
    }
    return UpdateFormats.convertV1ToV2(UpdateWriter.encodeStateAsUpdate(doc, target));
  }

  /**
   * The update v2 of a finished transaction, or null when it changed nothing (Yjs
   * {@code writeUpdateMessageFromTransaction} with an {@code UpdateEncoderV2}).
   */
  public static byte[] transactionUpdate(Txn txn) {
    if (!UpdateWriter.changedAnything(txn)) {
      return null;
    }
    UpdateEncoderV2 enc = new UpdateEncoderV2();
    UpdateWriter.writeTransaction(enc, txn);
    return enc.toByteArray();
  }

  /** One update v2 holding everything the given updates v2 hold; one update is returned as is. */
  public static byte[] merge(List<byte[]> updates) {
    if (updates.size() == 1) {
      UpdateFormats.decodeV2(updates.get(0));
      return updates.get(0);
    }
    List<byte[]> v1 = new ArrayList<>(updates.size());
    for (byte[] u : updates) {
      v1.add(UpdateFormats.convertV2ToV1(u));
    }
    return UpdateFormats.convertV1ToV2(UpdateMerger.mergeV1(v1));
  }

  /** What an update v2 holds beyond the state vector {@code sv}, as an update v2. */
  public static byte[] diff(byte[] update, Map<Long, Long> sv) {
    return UpdateFormats.convertV1ToV2(UpdateDiffer.diffV1(UpdateFormats.convertV2ToV1(update), sv));
  }

  /** The encoded state vector a document would have after applying only this update v2. */
  public static byte[] stateVectorFromUpdate(byte[] update) {
    return UpdateDiffer.stateVectorFromUpdateV1(UpdateFormats.convertV2ToV1(update));
  }
}
