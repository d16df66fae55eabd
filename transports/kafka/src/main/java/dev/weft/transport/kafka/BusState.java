package dev.weft.transport.kafka;

import dev.weft.crdt.Updates;
import dev.weft.transport.protocol.Message;
import java.util.List;

/**
 * What the bus holds for one document at one moment: the merge of every update record of the
 * document in its partition. A transport answers its local session's sync step 1
 * from it, playing the part of a peer that has seen every node's updates.
 *
 * @param update every update on the bus, merged (Yjs update v1)
 */
record BusState(byte[] update) {

  static BusState of(List<byte[]> updates) {
    return new BusState(Updates.mergeUpdates(updates));
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
}
