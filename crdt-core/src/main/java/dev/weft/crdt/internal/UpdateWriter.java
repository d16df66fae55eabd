package dev.weft.crdt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes updates from a document's store: the full state, a diff, or one transaction's changes. */
public final class UpdateWriter {
  private UpdateWriter() {}

  /**
   * Writes, for every client, the structs the target state vector lacks: clients in descending
   * order, the first struct of each cut at the target's clock.
   */
  public static void writeClientsStructs(UpdateEncoder encoder, StructStore store, Map<Long, Long> target) {
    // (client, first clock) pairs in plain arrays: this runs for every transaction's update
    int size = store.clients.size();
    long[] clients = new long[size];
    long[] from = new long[size];
    int n = 0;
    for (Map.Entry<Long, ArrayList<Struct>> e : store.clients.entrySet()) {
      ArrayList<Struct> structs = e.getValue();
      if (structs.isEmpty()) {
        continue;
      }
      Long known = target.get(e.getKey());
      long clock = known == null ? 0 : known;
      if (structs.get(structs.size() - 1).end() > clock) {
        // insertion sort, clients descending (there are few)
        long client = e.getKey();
        int i = n++;
        for (; i > 0 && clients[i - 1] < client; i--) {
          clients[i] = clients[i - 1];
          from[i] = from[i - 1];
        }
        clients[i] = client;
        from[i] = clock;
      }
    }
    encoder.rest().writeVarUint(n);
    for (int i = 0; i < n; i++) {
      writeStructs(encoder, store, clients[i], from[i]);
    }
  }

  private static void writeStructs(UpdateEncoder encoder, StructStore store, long client, long clock) {
    ArrayList<Struct> structs = store.structs(client);
    clock = Math.max(clock, structs.get(0).clock);
    int first = store.indexOf(structs, clock);
    encoder.rest().writeVarUint(structs.size() - first);
    encoder.writeClient(client);
    encoder.rest().writeVarUint(clock);
    Struct firstStruct = structs.get(first);
    firstStruct.write(encoder, (int) (clock - firstStruct.clock));
    for (int i = first + 1; i < structs.size(); i++) {
      structs.get(i).write(encoder, 0);
    }
  }

  /** The document's state after {@code target}, without pending data, as an update. */
  public static void writeStateAsUpdate(UpdateEncoder encoder, DocState doc, Map<Long, Long> target) {
    writeClientsStructs(encoder, doc.store, target);
    DeleteSet.fromStore(doc.store).write(encoder);
  }

  /** The update of a finished transaction, or null when it changed nothing. */
  public static byte[] transactionUpdate(Txn txn) {
    if (!changedAnything(txn)) {
      return null;
    }
    dev.weft.crdt.encoding.Encoder buffer = txn.doc.updateBuffer;
    buffer.reset();
    writeTransaction(new UpdateEncoderV1(buffer), txn);
    byte[] update = buffer.toByteArray();
    if (buffer.capacity() > 1 << 16) {
      txn.doc.updateBuffer.shrink(256); // a large update does not keep its buffer
    }
    return update;
  }

  /** Whether a finished transaction added or deleted anything. */
  static boolean changedAnything(Txn txn) {
    return !txn.deleteSet.isEmpty() || txn.changedClients().length > 0;
  }

  /**
   * Writes the structs added since the transaction began and its delete set. Like Yjs, this takes
   * the structs from the store as it is now, so it includes structs that transactions begun by
   * observers added meanwhile.
   */
  static void writeTransaction(UpdateEncoder encoder, Txn txn) {
    StructStore store = txn.doc.store;
    long[] clients = txn.clientsWithNewStructs();
    int n = 0;
    for (long client : clients) {
      n += store.getState(client) > txn.beforeState(client) ? 1 : 0;
    }
    encoder.rest().writeVarUint(n);
    for (int i = clients.length - 1; i >= 0; i--) {
      long before = txn.beforeState(clients[i]);
      if (store.getState(clients[i]) > before) {
        writeStructs(encoder, store, clients[i], before);
      }
    }
    txn.deleteSet.sortAndMerge();
    txn.deleteSet.write(encoder);
  }

  /**
   * The full state after {@code target} as an update v1, including pending structs and deletes
   * so that a relay passes on what it cannot integrate yet.
   */
  public static byte[] encodeStateAsUpdate(DocState doc, Map<Long, Long> target) {
    UpdateEncoderV1 encoder = new UpdateEncoderV1();
    writeStateAsUpdate(encoder, doc, target);
    List<byte[]> updates = new ArrayList<>();
    updates.add(encoder.toByteArray());
    if (doc.store.pendingDeletes != null) {
      updates.add(doc.store.pendingDeletes);
    }
    if (doc.store.pendingStructs != null) {
      updates.add(UpdateDiffer.diffV1(doc.store.pendingStructs, target));
    }
    return updates.size() == 1 ? updates.get(0) : UpdateMerger.mergeV1(updates);
  }
}
