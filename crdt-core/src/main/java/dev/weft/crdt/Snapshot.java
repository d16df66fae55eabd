package dev.weft.crdt;

import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.internal.DeleteSet;
import dev.weft.crdt.internal.SnapshotState;
import dev.weft.crdt.internal.StateVectors;
import dev.weft.crdt.internal.Transactions;
import dev.weft.crdt.internal.UpdateDecoderV1;
import dev.weft.crdt.internal.UpdateEncoderV1;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A document's version: which content existed (a state vector) and which of it was deleted (a
 * delete set), as Yjs's {@code Y.snapshot(doc)}. A snapshot is small and, together with a document
 * that has kept its history, enough to read the document as it was:
 *
 * <pre>{@code
 * Doc doc = new Doc();
 * doc.setGc(false);                      // history needs the deleted content
 * YText text = YText.of(doc, "t");
 * text.insert(0, "first");
 * Snapshot v1 = Snapshot.of(doc);
 * text.insert(5, " draft");
 * text.toString(v1);                     // "first"
 * Doc old = Snapshot.createDocFromSnapshot(doc, v1);
 * byte[] bytes = v1.encode();            // Yjs's encodeSnapshot (v1)
 * }</pre>
 *
 * <p><b>Garbage collection.</b> A document that collects deleted content (the default) forgets
 * what it deleted, so only a document with {@link Doc#setGc(boolean) gc off} (Yjs's
 * {@code gc: false}) from its creation can be read at older snapshots.
 */
public final class Snapshot {
  static {
    SnapshotState.setAccessor(s -> ((Snapshot) s).state);
  }

  private final SnapshotState state;

  private Snapshot(DeleteSet ds, TreeMap<Long, Long> sv) {
    this.state = new SnapshotState(ds.sortAndMerge(), sv);
  }

  /** The document's current version. */
  public static Snapshot of(Doc doc) {
    return new Snapshot(DeleteSet.fromStore(doc.state().store), doc.state().store.stateVector());
  }

  /** The version before anything was written. */
  public static Snapshot empty() {
    return new Snapshot(new DeleteSet(), new TreeMap<>());
  }

  /** Yjs's {@code encodeSnapshot}: the delete set then the state vector, in update format v1. */
  public byte[] encode() {
    UpdateEncoderV1 enc = new UpdateEncoderV1();
    state.ds().write(enc);
    StateVectors.write(enc.rest(), state.sv());
    return enc.toByteArray();
  }

  /**
   * Yjs's {@code decodeSnapshot}.
   *
   * @throws dev.weft.crdt.encoding.DecodingException if the bytes are not one snapshot
   */
  public static Snapshot decode(byte[] bytes) {
    Decoder dec = new Decoder(bytes);
    DeleteSet ds = DeleteSet.read(new UpdateDecoderV1(dec));
    TreeMap<Long, Long> sv = StateVectors.read(dec);
    dec.requireEnd("the snapshot");
    return new Snapshot(ds, sv);
  }

  /** For each client, the clock it had reached (read-only). */
  public Map<Long, Long> stateVector() {
    return Collections.unmodifiableMap(state.sv());
  }

  /** Whether the unit {@code (client, clock)} existed at this snapshot and was not deleted. */
  public boolean isVisible(long client, long clock) {
    Long c = state.sv().get(client);
    return c != null && c > clock && !state.ds().contains(new dev.weft.crdt.internal.Id(client, clock));
  }

  /**
   * Whether this version includes {@code other}: it knew every unit the other knew and had
   * deleted everything the other had deleted (the later of two versions of one document
   * includes the earlier).
   */
  public boolean contains(Snapshot other) {
    for (Map.Entry<Long, Long> e : other.state.sv().entrySet()) {
      if (state.sv().getOrDefault(e.getKey(), 0L) < e.getValue()) {
        return false;
      }
    }
    for (Map.Entry<Long, List<DeleteSet.Range>> e : other.state.ds().clients().entrySet()) {
      for (DeleteSet.Range r : e.getValue()) {
        for (long c = r.clock(); c < r.end(); ) {
          dev.weft.crdt.internal.Id id = new dev.weft.crdt.internal.Id(e.getKey(), c);
          if (!state.ds().contains(id)) {
            return false;
          }
          c = rangeEnd(state.ds(), id);
        }
      }
    }
    return true;
  }

  private static long rangeEnd(DeleteSet ds, dev.weft.crdt.internal.Id id) {
    for (DeleteSet.Range r : ds.clients().get(id.client())) {
      if (r.clock() <= id.clock() && id.clock() < r.end()) {
        return r.end();
      }
    }
    return id.clock() + 1;
  }

  /** Yjs's {@code equalSnapshots}: the same state vector and the same deleted ranges. */
  public static boolean equalSnapshots(Snapshot a, Snapshot b) {
    return a.state.sv().equals(b.state.sv()) && a.state.ds().clients().equals(b.state.ds().clients());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Snapshot s && equalSnapshots(this, s);
  }

  @Override
  public int hashCode() {
    return state.sv().hashCode() * 31 + state.ds().clients().hashCode();
  }

  /**
   * Yjs's {@code createDocFromSnapshot}: a new document holding exactly what {@code origin} held
   * at {@code snapshot}, with a random client id.
   *
   * @throws IllegalStateException if {@code origin} collects garbage
   * @throws IllegalArgumentException if the snapshot knows content that {@code origin} lacks
   */
  public static Doc createDocFromSnapshot(Doc origin, Snapshot snapshot) {
    return createDocFromSnapshot(origin, snapshot, new Doc());
  }

  /** Like {@link #createDocFromSnapshot(Doc, Snapshot)}, into {@code target}. */
  public static Doc createDocFromSnapshot(Doc origin, Snapshot snapshot, Doc target) {
    if (origin.gc()) {
      throw new IllegalStateException("garbage collection must be off in the origin document "
          + "(Doc.setGc(false)) to read it at a snapshot");
    }
    byte[][] update = new byte[1][];
    Transactions.transact(origin.state(), txn -> update[0] = snapshot.state.encodeAsUpdate(txn), null, true);
    target.applyUpdate(update[0], "snapshot");
    return target;
  }

  /**
   * Restores {@code doc} to its state at {@code snapshot} as a new change: content added since is
   * deleted and content deleted since is inserted again (as copies), in one transaction with the
   * given origin. Peers receive an ordinary update. The change is written under a new random
   * client id.
   *
   * @throws IllegalStateException if {@code doc} collects garbage
   */
  public static void restore(Doc doc, Snapshot snapshot, Object origin) {
    Doc old = createDocFromSnapshot(doc, snapshot);
    SnapshotRestore.restore(doc, old, origin);
  }

  SnapshotState state() {
    return state;
  }

  @Override
  public String toString() {
    return "Snapshot(sv " + state.sv() + ", ds " + state.ds() + ")";
  }
}
