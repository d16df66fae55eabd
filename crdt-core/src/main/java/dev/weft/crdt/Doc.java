package dev.weft.crdt;

import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.DocState;
import dev.weft.crdt.internal.StateVectors;
import dev.weft.crdt.internal.Transactions;
import dev.weft.crdt.internal.TypeRef;
import dev.weft.crdt.internal.TypeRegistry;
import dev.weft.crdt.internal.UpdateApplier;
import dev.weft.crdt.internal.UpdateWriter;
import dev.weft.crdt.internal.UpdatesV2;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A collaborative document: named root types holding shared data, a history of everything every
 * client inserted, and the means to exchange it as Yjs updates.
 *
 * <pre>{@code
 * Doc doc = new Doc();
 * doc.onUpdate((update, origin, tx) -> sendToPeers(update));
 * doc.getMap("settings").set("theme", "dark");
 * otherDoc.applyUpdate(receivedBytes);
 * }</pre>
 *
 * <p><b>Client ids.</b> Every replica writes under a client id. It must be unique among all
 * replicas that ever edit the document, so a client id must never be reused by two sessions that
 * both edit: the default is random (53 bits). Set one explicitly only for tests or when you
 * manage uniqueness yourself.
 *
 * <p><b>Threads.</b> A document is not thread-safe; confine it to one thread or guard it.
 */
public final class Doc {
  private static final SecureRandom RANDOM = new SecureRandom();

  static {
    Transactions.addCleanupHook(Doc::afterTransaction);
  }

  private final DocState state;
  private final CopyOnWriteArrayList<UpdateListener> updateListeners = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<UpdateListener> updateV2Listeners = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<Consumer<dev.weft.crdt.internal.Txn>> afterTransaction =
      new CopyOnWriteArrayList<>();

  /** A document with a random client id. */
  public Doc() {
    this(Doc::randomClientId);
  }

  /** A document with the given client id (0 to 2^53 - 1). */
  public Doc(long clientId) {
    this(Doc::randomClientId);
    setClientId(clientId);
  }

  /**
   * A document drawing client ids from {@code clientIds}: once now, and again whenever a remote
   * update shows another replica writing under ours. Lets tests be reproducible.
   */
  public Doc(LongSupplier clientIds) {
    this.state = new DocState(this, new DocEvents(this), () -> checkClientId(clientIds.getAsLong()));
  }

  /** A random client id below 2^53. */
  public static long randomClientId() {
    return RANDOM.nextLong() >>> 11;
  }

  private static long checkClientId(long id) {
    if (id < 0 || id > dev.weft.crdt.encoding.Encoder.MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("client id must be in [0, 2^53): clientId=" + id);
    }
    return id;
  }

  public long clientId() {
    return state.clientId;
  }

  public void setClientId(long clientId) {
    state.clientId = checkClientId(clientId);
  }

  /** Whether deleted content is garbage-collected (on by default). */
  public boolean gc() {
    return state.gc;
  }

  /**
   * Turns garbage collection of deleted content on or off. Keep it off when you need snapshots of
   * old versions or undo across deletions.
   */
  public void setGc(boolean gc) {
    state.gc = gc;
  }

  /** Runs {@code body} as one transaction with no origin. */
  public void transact(Consumer<Transaction> body) {
    transact(body, null);
  }

  /**
   * Runs {@code body} as one transaction: observers are called and one update is emitted when it
   * ends. Nested calls join the outer transaction.
   */
  public void transact(Consumer<Transaction> body, Object origin) {
    Transactions.transact(state, txn -> body.accept(DocEvents.publicTransaction(txn)), origin, true);
  }

  /** The root map named {@code name}, created if needed. */
  public YMap getMap(String name) {
    return get(name, YMap.class);
  }

  /** The root array named {@code name}, created if needed. */
  public YArray getArray(String name) {
    return get(name, YArray.class);
  }

  /**
   * The root type named {@code name} as a {@code kind} (for example {@code YText.class}), created
   * if needed. A root first named by remote updates takes the kind asked for here.
   *
   * @throws IllegalStateException if the root already has another kind
   */
  public <T extends SharedType> T get(String name, Class<T> kind) {
    int ref = TypeRegistry.typeRefOf(kind);
    Branch b = state.root(name);
    if (b.typeRef == TypeRef.UNKNOWN) {
      b.typeRef = ref;
      if (!kind.isInstance(b.view())) {
        b.bindView(null);
      }
    } else if (b.typeRef != ref) {
      throw new IllegalStateException("root '" + name + "' is a " + TypeRef.name(b.typeRef)
          + ", not a " + TypeRef.name(ref));
    }
    return kind.cast(b.view());
  }

  /** The root type named {@code name} (an {@link UntypedType} if its kind is unknown), or null. */
  public SharedType get(String name) {
    Branch b = state.share.get(name);
    return b == null ? null : b.view();
  }

  /** The names of the root types, in order of creation. */
  public Set<String> rootNames() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(state.share.keySet()));
  }

  /** Calls {@code listener} with the update of every transaction that changes this document. */
  public Subscription onUpdate(UpdateListener listener) {
    updateListeners.add(listener);
    return () -> updateListeners.remove(listener);
  }

  /** Everything this document holds, pending data included, as one update v1. */
  public byte[] encodeStateAsUpdate() {
    return UpdateWriter.encodeStateAsUpdate(state, Map.of());
  }

  /** What a replica with the given state vector lacks, as an update v1. */
  public byte[] encodeStateAsUpdate(byte[] stateVector) {
    return UpdateWriter.encodeStateAsUpdate(state, StateVectors.decode(stateVector));
  }

  /** What this document knows: for each client, the next clock it expects. */
  public byte[] encodeStateVector() {
    return StateVectors.encode(state.store.stateVector());
  }

  /** Applies an update v1 from any replica, in any order; duplicates are harmless. */
  public void applyUpdate(byte[] update) {
    applyUpdate(update, null);
  }

  /**
   * Applies an update v1 in a transaction with the given origin.
   *
   * @throws dev.weft.crdt.encoding.DecodingException if the bytes are malformed; the document is
   *     then unchanged
   */
  public void applyUpdate(byte[] update, Object origin) {
    UpdateApplier.applyV1(state, update, origin);
  }

  /**
   * Calls {@code listener} with the update of every transaction that changes this document, in
   * update format v2 (Yjs's {@code doc.on('updateV2')}); called after the v1 listeners.
   */
  public Subscription onUpdateV2(UpdateListener listener) {
    updateV2Listeners.add(listener);
    return () -> updateV2Listeners.remove(listener);
  }

  /** Everything this document holds, pending data included, as one update v2. */
  public byte[] encodeStateAsUpdateV2() {
    return UpdatesV2.encodeStateAsUpdate(state, Map.of());
  }

  /** What a replica with the given state vector lacks, as an update v2. */
  public byte[] encodeStateAsUpdateV2(byte[] stateVector) {
    return UpdatesV2.encodeStateAsUpdate(state, StateVectors.decode(stateVector));
  }

  /** Applies an update v2 from any replica, in any order; duplicates are harmless. */
  public void applyUpdateV2(byte[] update) {
    applyUpdateV2(update, null);
  }

  /**
   * Applies an update v2 in a transaction with the given origin.
   *
   * @throws dev.weft.crdt.encoding.DecodingException if the bytes are malformed; the document is
   *     then unchanged
   */
  public void applyUpdateV2(byte[] update, Object origin) {
    UpdatesV2.apply(state, update, origin);
  }

  DocState state() {
    return state;
  }

  java.util.List<UpdateListener> updateListeners() {
    return updateListeners;
  }

  java.util.List<UpdateListener> updateV2Listeners() {
    return updateV2Listeners;
  }

  /** Calls {@code listener} after the observers of every finished transaction (Yjs's afterTransaction). */
  Subscription onAfterTransaction(Consumer<dev.weft.crdt.internal.Txn> listener) {
    afterTransaction.add(listener);
    return () -> afterTransaction.remove(listener);
  }

  private static void afterTransaction(dev.weft.crdt.internal.Txn txn) {
    if (txn.doc.api instanceof Doc d) {
      for (Consumer<dev.weft.crdt.internal.Txn> l : d.afterTransaction) {
        l.accept(txn);
      }
    }
  }
}
