package dev.weft.transport.fanout;

import dev.weft.crdt.encoding.DecodingException;
import dev.weft.transport.protocol.Message;

/**
 * What a bus transport does with a message its session sends: a sync step 1 is answered from the
 * bus's own record of the document and never published; an update (a sync update, or a sync step
 * 2 that carries anything) is published as a bare Yjs update; an empty step 2 is dropped;
 * anything else (awareness, queries, messages of other protocols) is published whole.
 */
public sealed interface Outgoing {
  /** Answer this state vector from the bus; publish nothing. */
  record AnswerStep1(byte[] stateVector) implements Outgoing {}

  /** Publish {@code update}, a Yjs update v1. */
  record PublishUpdate(byte[] update) implements Outgoing {}

  /** Publish {@code message} whole. */
  record PublishMessage(byte[] message) implements Outgoing {}

  /** Nothing the bus lacks. */
  record Drop() implements Outgoing {}

  static Outgoing of(byte[] message) {
    Message m;
    try {
      m = Message.decode(message);
    } catch (DecodingException e) {
      return new PublishMessage(message); // not a y-protocols message: relayed whole
    }
    if (m instanceof Message.SyncStep1 s) {
      return new AnswerStep1(s.stateVector());
    } else if (m instanceof Message.SyncUpdate u) {
      return new PublishUpdate(u.update());
    } else if (m instanceof Message.SyncStep2 s) {
      byte[] u = s.update();
      return u.length == 2 && u[0] == 0 && u[1] == 0 ? new Drop() : new PublishUpdate(u);
    }
    return new PublishMessage(message);
  }
}
