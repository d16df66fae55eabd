package dev.weft.transport;

/**
 * Bounds on what a {@link SyncSession} holds for a slow peer.
 *
 * <p>At most {@code maxInFlight} sends may be incomplete; further messages wait in a queue. When
 * the queue grows past {@code maxQueuedMessages}, its document updates are merged into one
 * ({@code Updates.mergeUpdates}) and its awareness updates into one (newest entry per client), so a
 * burst of edits costs the slow peer one message and the queue never holds more than about one
 * copy of the document. A peer that cannot keep up is disconnected: when no send has completed for
 * {@code maxStallMillis} while one is pending, or if the queue is still too long after merging.
 * Nothing is lost by that: when it reconnects, the state-vector handshake sends it everything it
 * lacks.
 *
 * <p>There is deliberately no byte limit: a sync step 2 is as large as the document, and a limit
 * below that would keep a peer from ever catching up.
 *
 * @param maxInFlight sends allowed to be incomplete at once (at least 1)
 * @param maxQueuedMessages messages waiting before they are merged (at least 8)
 * @param maxStallMillis time without a completed send, while one is pending, before the peer is
 *     dropped
 */
public record SessionLimits(int maxInFlight, int maxQueuedMessages, long maxStallMillis) {
  /** 16 in flight, 64 queued, 30 s. */
  public static final SessionLimits DEFAULT = new SessionLimits(16, 64, 30_000);

  public SessionLimits {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1: maxInFlight=" + maxInFlight);
    }
    if (maxQueuedMessages < 8) {
      throw new IllegalArgumentException("maxQueuedMessages must be >= 8: maxQueuedMessages=" + maxQueuedMessages);
    }
    if (maxStallMillis < 1) {
      throw new IllegalArgumentException("maxStallMillis must be positive: maxStallMillis=" + maxStallMillis);
    }
  }
}
