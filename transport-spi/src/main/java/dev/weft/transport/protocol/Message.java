package dev.weft.transport.protocol;

import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.Encoder;
import java.util.Arrays;

/**
 * One y-websocket message: what travels in one binary WebSocket frame (or one record of any other
 * transport). Each variant encodes to exactly the bytes y-protocols 1.0.7 writes; {@link #decode}
 * is the strict inverse.
 *
 * <pre>{@code
 * byte[] wire = new Message.SyncStep1(doc.encodeStateVector()).encode();
 * switch (Message.decode(wire)) { ... }
 * }</pre>
 *
 * <p>Byte arrays are held, not copied: treat them as immutable once inside a message.
 */
public sealed interface Message {

  /** The bytes y-websocket sends for this message. */
  byte[] encode();

  /**
   * Parses one whole message.
   *
   * @throws DecodingException if the bytes are truncated, carry an unknown type, a malformed
   *     awareness update or trailing bytes; nothing has been changed anywhere
   */
  static Message decode(byte[] bytes) {
    return MessageCodec.decode(new Decoder(bytes));
  }

  /** "Here is my state vector; send me what I lack." Answered with {@link SyncStep2}. */
  record SyncStep1(byte[] stateVector) implements Message {
    @Override
    public byte[] encode() {
      return MessageCodec.sync(Wire.SYNC_STEP1, stateVector);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SyncStep1 m && Arrays.equals(stateVector, m.stateVector);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(stateVector);
    }

    @Override
    public String toString() {
      return "SyncStep1[" + stateVector.length + " bytes]";
    }
  }

  /** The answer to a {@link SyncStep1}: an update v1 holding what the asker lacks. */
  record SyncStep2(byte[] update) implements Message {
    @Override
    public byte[] encode() {
      return MessageCodec.sync(Wire.SYNC_STEP2, update);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SyncStep2 m && Arrays.equals(update, m.update);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(update);
    }

    @Override
    public String toString() {
      return "SyncStep2[" + update.length + " bytes]";
    }
  }

  /** A live update v1: one transaction, or several merged. */
  record SyncUpdate(byte[] update) implements Message {
    @Override
    public byte[] encode() {
      return MessageCodec.sync(Wire.SYNC_UPDATE, update);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SyncUpdate m && Arrays.equals(update, m.update);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(update);
    }

    @Override
    public String toString() {
      return "SyncUpdate[" + update.length + " bytes]";
    }
  }

  /** Awareness states (presence, cursors) of one or more clients. */
  record AwarenessMessage(AwarenessUpdate update) implements Message {
    @Override
    public byte[] encode() {
      Encoder e = new Encoder();
      e.writeVarUint(Wire.MESSAGE_AWARENESS);
      e.writeVarBytes(update.encode());
      return e.toByteArray();
    }
  }

  /** The server refuses access to the document; y-protocols {@code writePermissionDenied}. */
  record PermissionDenied(String reason) implements Message {
    @Override
    public byte[] encode() {
      Encoder e = new Encoder();
      e.writeVarUint(Wire.MESSAGE_AUTH);
      e.writeVarUint(Wire.AUTH_PERMISSION_DENIED);
      e.writeVarString(reason);
      return e.toByteArray();
    }
  }

  /** Asks the peer to send every awareness state it knows. */
  record QueryAwareness() implements Message {
    @Override
    public byte[] encode() {
      return new byte[] {Wire.MESSAGE_QUERY_AWARENESS};
    }
  }
}
