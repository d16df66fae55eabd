package dev.weft.transport;

import java.util.concurrent.CompletionStage;

/**
 * A bidirectional, message-oriented connection to one peer: a WebSocket, a Redis or Kafka channel,
 * an in-memory pipe. This is the whole SPI an adapter implements (three methods); sessions, the
 * hub, backpressure and resync are built on top of it.
 *
 * <h2>Contract</h2>
 * <ol>
 *   <li>A transport is open when handed out. {@link #start} is called once, before or after the
 *       first {@link #send}; messages that arrive before it are buffered.
 *   <li>Messages are delivered whole (one {@code send} = one {@code onMessage}). Order and
 *       exactly-once delivery are expected but not relied on: the sync protocol tolerates loss,
 *       duplicates and reordering, and repairs loss on reconnect.
 *   <li>{@link Receiver#onClose} is called exactly once, when the connection ends for any reason
 *       (either side closed it, or it failed), and no message is delivered after it.
 *   <li>{@link #send} never calls the receiver on the calling thread (deliver asynchronously), and
 *       does not block on the network: it returns a stage that completes when the message has
 *       left (or failed). Sessions bound the number of incomplete stages; that is the backpressure
 *       signal, so complete it no earlier than the peer or the socket accepted the bytes.
 *   <li>After {@link #close} (or after {@code onClose}) {@code send} returns a failed stage.
 * </ol>
 *
 * The abstract {@code TransportContract} test kit in this module's test jar checks an adapter
 * against these rules, and checks that sessions over it converge despite faults.
 */
public interface Transport extends AutoCloseable {

  /** Receives what arrives on a {@link Transport}. */
  interface Receiver {
    /** One whole message from the peer. The array is the receiver's to keep. */
    void onMessage(byte[] message);

    /**
     * The connection has ended; called once.
     *
     * @param cause why, or null for an orderly close by either side
     */
    void onClose(Throwable cause);
  }

  /** Starts delivering incoming messages and the close to {@code receiver}. Called once. */
  void start(Receiver receiver);

  /**
   * Sends one whole message. The array must not be modified afterwards.
   *
   * @return completes when the message has been handed to the network (or the peer), fails if
   *     the transport is closed or the send failed
   */
  CompletionStage<Void> send(byte[] message);

  /** Closes the connection; the peer's receiver sees {@code onClose(null)}. Idempotent. */
  @Override
  void close();
}
