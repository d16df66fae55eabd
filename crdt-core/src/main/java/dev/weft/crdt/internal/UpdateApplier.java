package dev.weft.crdt.internal;

import dev.weft.crdt.encoding.Decoder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Applies an update to a document.
 *
 * <h2>Atomicity</h2>
 * The whole update is decoded and checked before the document is touched, so malformed bytes are
 * rejected with the document exactly as it was. What remains cannot fail on well-formed input:
 * integration resolves references that the checks guarantee, and a struct whose references point
 * nowhere sensible is collected as GC instead of being linked.
 *
 * <h2>Order of integration</h2>
 * Structs may arrive before what they depend on. As in Yjs, clients are consumed from the highest
 * id down; a struct whose dependency is in the same update sends us to that client's structs first
 * (a stack, at most one entry per client); a struct whose dependency is not in this update, and
 * everything of its client after it, is kept as pending (an update v1 in the store) together with
 * the clocks we wait for. When a later update advances a client past such a clock, the pending
 * update is applied again. Delete ranges for clocks we do not have yet are kept the same way.
 *
 * <p>Unlike Yjs, the clocks we wait for are every dependency of every struct kept, not only the
 * one where the scan stopped, and an update that both integrated structs and set some aside is
 * retried at once (what it set aside early may have been unblocked later in the scan). Yjs can
 * keep structs pending for good although everything they need has arrived; Weft cannot. Retrying
 * never changes the outcome, only whether pending structs are integrated.
 */
public final class UpdateApplier {
  private UpdateApplier() {}

  /** A fully decoded update: each client's structs in clock order, and the delete set. */
  public record Decoded(TreeMap<Long, List<Struct>> structs, DeleteSet deletes) {}

  /** Decodes and checks an update v1 without touching any document. */
  public static Decoded decodeV1(byte[] update) {
    return decode(new UpdateDecoderV1(new Decoder(update)));
  }

  /** Decodes and checks an update; the decoder's input must hold exactly one update. */
  public static Decoded decode(UpdateDecoder decoder) {
    TreeMap<Long, List<Struct>> byClient = new TreeMap<>();
    StructReader reader = new StructReader(decoder, false);
    long blockClient = -1;
    List<Struct> block = null;
    for (Struct s = reader.curr; s != null; s = reader.next()) {
      if (block == null || s.client != blockClient || (!block.isEmpty() && block.get(block.size() - 1).end() != s.clock)) {
        // a new client block; a second block of the same client replaces the first, as in Yjs
        block = new ArrayList<>();
        blockClient = s.client;
        byClient.put(s.client, block);
      }
      block.add(s);
    }
    DeleteSet ds = DeleteSet.read(decoder);
    decoder.rest().requireEnd("the update");
    return new Decoded(byClient, ds);
  }

  /** Applies an update v1 in a (possibly joined) transaction with the given origin. */
  public static void applyV1(DocState doc, byte[] update, Object origin) {
    Decoded decoded = decodeV1(update);
    Transactions.transact(doc, txn -> apply(txn, decoded, UpdateApplier::reapplyV1), origin, false);
  }

  private static void reapplyV1(Txn txn, byte[] update) {
    apply(txn, decodeV1(update), UpdateApplier::reapplyV1);
  }

  interface Reapply {
    void apply(Txn txn, byte[] update);
  }

  static void apply(Txn txn, Decoded decoded, Reapply reapply) {
    txn.local = false;
    StructStore store = txn.doc.store;
    int[] integrated = {0};
    Rest rest = integrateStructs(txn, store, decoded.structs(), integrated);
    // A struct set aside early in the scan may have been unblocked by one integrated later in it.
    boolean retry = rest != null && integrated[0] > 0;
    if (store.pendingStructs != null) {
      for (Map.Entry<Long, Long> m : store.pendingMissing.entrySet()) {
        if (m.getValue() < store.getState(m.getKey())) {
          retry = true;
          break;
        }
      }
      if (rest != null) {
        rest.missing.forEach((client, clock) -> store.pendingMissing.merge(client, clock, Math::min));
        store.pendingStructs = UpdateMerger.mergeV1(List.of(store.pendingStructs, rest.update));
      }
    } else if (rest != null) {
      store.pendingStructs = rest.update;
      store.pendingMissing.clear();
      store.pendingMissing.putAll(rest.missing);
    }
    DeleteSet unapplied = applyDeleteSet(txn, store, decoded.deletes());
    if (store.pendingDeletes != null) {
      DeleteSet pendingDs = decodeV1(store.pendingDeletes).deletes();
      DeleteSet unapplied2 = applyDeleteSet(txn, store, pendingDs);
      if (unapplied != null && unapplied2 != null) {
        store.pendingDeletes = UpdateMerger.mergeV1(List.of(deletesOnly(unapplied), deletesOnly(unapplied2)));
      } else {
        DeleteSet left = unapplied != null ? unapplied : unapplied2;
        store.pendingDeletes = left == null ? null : deletesOnly(left);
      }
    } else {
      store.pendingDeletes = unapplied == null ? null : deletesOnly(unapplied);
    }
    if (retry) {
      byte[] pending = store.pendingStructs;
      store.pendingStructs = null;
      store.pendingMissing.clear();
      reapply.apply(txn, pending);
    }
  }

  private static byte[] deletesOnly(DeleteSet ds) {
    UpdateEncoderV1 enc = new UpdateEncoderV1();
    enc.rest().writeVarUint(0);
    ds.write(enc);
    return enc.toByteArray();
  }

  /** Structs that could not be integrated: an update v1, and the clocks that would unblock it. */
  private record Rest(byte[] update, Map<Long, Long> missing) {}

  /** A client's decoded structs and how many of them have been consumed. */
  private static final class Refs {
    List<Struct> refs;
    int i;

    Refs(List<Struct> refs) {
      this.refs = refs;
    }

    boolean done() {
      return i >= refs.size();
    }
  }

  private static Rest integrateStructs(Txn txn, StructStore store, TreeMap<Long, List<Struct>> decoded,
      int[] integrated) {
    if (decoded.isEmpty()) {
      return null;
    }
    Map<Long, Refs> clientRefs = new HashMap<>();
    decoded.forEach((c, list) -> clientRefs.put(c, new Refs(list)));
    List<Long> newClients = new ArrayList<>();
    decoded.forEach((c, list) -> {
      if (store.structs(c) == null) {
        newClients.add(c);
      }
    });
    Rest rest = integrateInDependencyOrder(txn, store, clientRefs, decoded, integrated);
    // A client's first structs, often a whole document's, need no room to grow yet: the list
    // would otherwise keep up to half its length unused.
    for (long c : newClients) {
      ArrayList<Struct> structs = store.structs(c);
      if (structs != null) {
        structs.trimToSize();
      }
    }
    return rest;
  }

  private static Rest integrateInDependencyOrder(Txn txn, StructStore store, Map<Long, Refs> clientRefs,
      TreeMap<Long, List<Struct>> decoded, int[] integrated) {
    List<Long> clientIds = new ArrayList<>(decoded.keySet()); // ascending; consumed from the end
    Deque<Struct> stack = new ArrayDeque<>();
    TreeMap<Long, List<Struct>> restStructs = new TreeMap<>();
    Map<Long, Long> missingSv = new HashMap<>();

    Function<Void, Refs> nextTarget = v -> {
      while (!clientIds.isEmpty()) {
        Refs r = clientRefs.get(clientIds.get(clientIds.size() - 1));
        if (r != null && !r.done()) {
          return r;
        }
        clientIds.remove(clientIds.size() - 1);
      }
      return null;
    };
    Refs current = nextTarget.apply(null);
    if (current == null) {
      return null;
    }
    Struct head = current.refs.get(current.i++);
    while (true) {
      if (!(head instanceof SkipStruct)) {
        long client = head.client;
        long localClock = store.getState(client);
        long offset = localClock - head.clock;
        if (offset < 0) {
          stack.push(head);
          missingSv.merge(client, (long) head.clock - 1, Math::min);
          moveStackToRest(stack, clientRefs, clientIds, restStructs);
        } else if (offset >= head.length) {
          // already held: whatever it claims to depend on (a damaged update may differ), skip it
        } else {
          long missing = head.getMissing(txn, store);
          if (missing != -1) {
            stack.push(head);
            Refs refs = clientRefs.get(missing);
            if (refs == null || refs.done()) {
              missingSv.merge(missing, store.getState(missing), Math::min);
              moveStackToRest(stack, clientRefs, clientIds, restStructs);
            } else {
              head = refs.refs.get(refs.i++);
              continue;
            }
          } else {
            head.integrate(txn, (int) offset);
            integrated[0]++;
          }
        }
      }
      if (!stack.isEmpty()) {
        head = stack.pop();
      } else if (current != null && !current.done()) {
        head = current.refs.get(current.i++);
      } else {
        current = nextTarget.apply(null);
        if (current == null) {
          break;
        }
        head = current.refs.get(current.i++);
      }
    }
    if (restStructs.isEmpty()) {
      return null;
    }
    addEveryNeed(restStructs, store, missingSv);
    UpdateEncoderV1 enc = new UpdateEncoderV1();
    enc.rest().writeVarUint(restStructs.size());
    for (Map.Entry<Long, List<Struct>> e : restStructs.descendingMap().entrySet()) {
      List<Struct> structs = e.getValue();
      enc.rest().writeVarUint(structs.size());
      enc.writeClient(e.getKey());
      enc.rest().writeVarUint(structs.get(0).clock);
      for (Struct s : structs) {
        s.write(enc, 0);
      }
    }
    enc.rest().writeVarUint(0);
    return new Rest(enc.toByteArray(), missingSv);
  }

  /**
   * Widens the clocks that make pending structs worth retrying to every dependency of every struct
   * left over, not just the one the scan stopped at. Yjs records only the latter, so a struct that
   * was moved aside behind another client's gap waits for that gap, even when what it needs itself
   * arrives first; with two such structs waiting on each other, everything stays pending although
   * every update has arrived. Retrying on any of these clocks cannot change the result (YATA
   * integration is order-independent), only whether the pending structs are integrated at all.
   */
  private static void addEveryNeed(TreeMap<Long, List<Struct>> rest, StructStore store, Map<Long, Long> missingSv) {
    for (Map.Entry<Long, List<Struct>> e : rest.entrySet()) {
      long client = e.getKey();
      Struct first = e.getValue().get(0);
      if (first.clock > store.getState(client)) {
        missingSv.merge(client, (long) first.clock - 1, Math::min);
      }
      for (Struct s : e.getValue()) {
        if (s instanceof Item item) {
          need(item.origin(), client, store, missingSv);
          need(item.rightOrigin(), client, store, missingSv);
          need(item.parentId(), client, store, missingSv);
        }
      }
    }
  }

  private static void need(Id id, long client, StructStore store, Map<Long, Long> missingSv) {
    if (id != null && id.client() != client && id.clock() >= store.getState(id.client())) {
      missingSv.merge(id.client(), id.clock(), Math::min);
    }
  }

  private static void moveStackToRest(Deque<Struct> stack, Map<Long, Refs> clientRefs, List<Long> clientIds,
      TreeMap<Long, List<Struct>> restStructs) {
    // iterate bottom to top, as the stack was filled
    List<Struct> items = new ArrayList<>(stack);
    java.util.Collections.reverse(items);
    for (Struct item : items) {
      long client = item.client;
      Refs refs = clientRefs.get(client);
      if (refs != null) {
        refs.i--;
        restStructs.put(client, new ArrayList<>(refs.refs.subList(refs.i, refs.refs.size())));
        clientRefs.remove(client);
        refs.i = 0;
        refs.refs = List.of();
      } else {
        restStructs.put(client, new ArrayList<>(List.of(item)));
      }
      clientIds.remove(Long.valueOf(client));
    }
    stack.clear();
  }

  /**
   * Deletes every known unit in the ranges; returns the ranges (or parts) beyond what we know, or
   * null when everything was applied.
   */
  static DeleteSet applyDeleteSet(Txn txn, StructStore store, DeleteSet ds) {
    DeleteSet unapplied = new DeleteSet();
    for (Map.Entry<Long, List<DeleteSet.Range>> e : ds.clients().descendingMap().entrySet()) {
      long client = e.getKey();
      ArrayList<Struct> structs = store.clients.get(client);
      long state = store.getState(client);
      int from = 0;
      for (DeleteSet.Range r : e.getValue()) {
        long clock = r.clock();
        long clockEnd = r.end();
        if (clock < state) {
          if (state < clockEnd) {
            unapplied.add(client, state, clockEnd - state);
          }
          int index = StructStore.findIndexFrom(structs, clock, from);
          Struct s = structs.get(index);
          if (!s.deleted() && s.clock < clock) {
            structs.add(index + 1, ((Item) s).split(txn, (int) (clock - s.clock)));
            index++;
          }
          while (index < structs.size()) {
            s = structs.get(index++);
            if (s.clock < clockEnd) {
              if (!s.deleted()) {
                Item item = (Item) s;
                if (clockEnd < s.end()) {
                  structs.add(index, item.split(txn, (int) (clockEnd - s.clock)));
                }
                item.delete(txn);
              }
            } else {
              break;
            }
          }
          from = index - 1; // the ranges come in clock order: the next one starts at or after this struct
        } else {
          unapplied.add(client, clock, clockEnd - clock);
        }
      }
    }
    return unapplied.isEmpty() ? null : unapplied;
  }
}
