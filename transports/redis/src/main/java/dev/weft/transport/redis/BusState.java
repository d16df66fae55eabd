package dev.weft.transport.redis;

import dev.weft.crdt.Updates;
import dev.weft.transport.protocol.Message;
import java.util.List;

/**
 * What the bus holds for one document at one moment: the merge of the archived updates and of
 * every update entry still in the stream. A transport answers its local session's sync step 1
 * from it, playing the part of a peer that has seen every node's updates.
 *
 * @param update every update on the bus, merged (Yjs update v1)
 * @param lastId the stream id this state includes everything up to
 * @param epoch the epoch of the stream it was read from
 */
record BusState(byte[] update, String lastId, String epoch) {

  static BusState of(List<byte[]> updates, String lastId, String epoch) {
    return new BusState(Updates.mergeUpdates(updates), lastId, epoch);
  }

  byte[] stateVector() {
    return Updates.encodeStateVectorFromUpdate(update);
  }

  /**
   * The answer to a sync step 1: what the asker lacks, then the bus's own step 1 so the asker
   * sends back what the bus lacks (the handshake y-websocket servers run, here on behalf of every
   * node).
   */
  List<byte[]> answer(byte[] askerStateVector) {
    return List.of(
        new Message.SyncStep2(Updates.diffUpdate(update, askerStateVector)).encode(),
        new Message.SyncStep1(stateVector()).encode());
  }

  /**
   * Starts a resync of a session that may have missed entries: the bus's step 1 (the session
   * answers with what the bus lacks, and asks for what it lacks itself when the bus is ahead), and
   * every deletion on the bus, which a state vector does not show.
   */
  List<byte[]> resync() {
    byte[] sv = stateVector();
    return List.of(
        new Message.SyncStep1(sv).encode(),
        new Message.SyncUpdate(Updates.diffUpdate(update, sv)).encode());
  }
}
