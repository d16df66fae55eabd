package dev.weft.transport.fanout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weft.crdt.Doc;
import dev.weft.transport.protocol.Message;
import org.junit.jupiter.api.Test;

class OutgoingTest {
  private static byte[] someUpdate() {
    Doc d = new Doc(1);
    d.getMap("m").set("k", 1);
    return d.encodeStateAsUpdate();
  }

  @Test
  void step1_isAnsweredFromTheBus() {
    byte[] sv = new Doc(2).encodeStateVector();
    Outgoing out = Outgoing.of(new Message.SyncStep1(sv).encode());
    assertArrayEquals(sv, assertInstanceOf(Outgoing.AnswerStep1.class, out).stateVector());
  }

  @Test
  void updatesAndNonEmptyStep2_arePublishedAsBareUpdates() {
    byte[] u = someUpdate();
    assertArrayEquals(u, assertInstanceOf(Outgoing.PublishUpdate.class, Outgoing.of(new Message.SyncUpdate(u).encode())).update());
    assertArrayEquals(u, assertInstanceOf(Outgoing.PublishUpdate.class, Outgoing.of(new Message.SyncStep2(u).encode())).update());
  }

  @Test
  void emptyStep2_isDropped() {
    assertInstanceOf(Outgoing.Drop.class, Outgoing.of(new Message.SyncStep2(new Doc(3).encodeStateAsUpdate()).encode()));
  }

  @Test
  void otherMessages_arePublishedWhole() {
    byte[] notYProtocols = {(byte) 0xff, (byte) 0xff, 1};
    assertArrayEquals(notYProtocols, assertInstanceOf(Outgoing.PublishMessage.class, Outgoing.of(notYProtocols)).message());
  }
}
