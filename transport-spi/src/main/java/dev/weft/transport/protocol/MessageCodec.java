package dev.weft.transport.protocol;

import dev.weft.crdt.encoding.Decoder;
import dev.weft.crdt.encoding.DecodingException;
import dev.weft.crdt.encoding.DecodingException.Reason;
import dev.weft.crdt.encoding.Encoder;

/** The framing shared by the {@link Message} variants; mirrors y-protocols {@code readSyncMessage}. */
final class MessageCodec {
  private MessageCodec() {}

  static byte[] sync(int syncType, byte[] payload) {
    Encoder e = new Encoder(payload.length + 8);
    e.writeVarUint(Wire.MESSAGE_SYNC);
    e.writeVarUint(syncType);
    e.writeVarBytes(payload);
    return e.toByteArray();
  }

  static Message decode(Decoder d) {
    long typeAt = d.offset();
    long outer = d.readVarUint();
    Message m;
    if (outer == Wire.MESSAGE_SYNC) {
      m = decodeSync(d);
    } else if (outer == Wire.MESSAGE_AWARENESS) {
      byte[] body = d.readVarBytes();
      m = new Message.AwarenessMessage(AwarenessUpdate.decode(body, d.offset() - body.length));
    } else if (outer == Wire.MESSAGE_AUTH) {
      long authAt = d.offset();
      long auth = d.readVarUint();
      if (auth != Wire.AUTH_PERMISSION_DENIED) {
        throw new DecodingException(Reason.UNKNOWN_TAG, authAt, "auth message type " + auth);
      }
      m = new Message.PermissionDenied(d.readVarString());
    } else if (outer == Wire.MESSAGE_QUERY_AWARENESS) {
      m = new Message.QueryAwareness();
    } else {
      throw new DecodingException(Reason.UNKNOWN_TAG, typeAt, "message type " + outer);
    }
    d.requireEnd("the message");
    return m;
  }

  private static Message decodeSync(Decoder d) {
    long typeAt = d.offset();
    long type = d.readVarUint();
    if (type != Wire.SYNC_STEP1 && type != Wire.SYNC_STEP2 && type != Wire.SYNC_UPDATE) {
      throw new DecodingException(Reason.UNKNOWN_TAG, typeAt, "sync message type " + type);
    }
    byte[] payload = d.readVarBytes();
    if (type == Wire.SYNC_STEP1) {
      return new Message.SyncStep1(payload);
    }
    return type == Wire.SYNC_STEP2 ? new Message.SyncStep2(payload) : new Message.SyncUpdate(payload);
  }
}
