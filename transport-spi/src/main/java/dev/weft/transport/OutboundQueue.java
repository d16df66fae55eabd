package dev.weft.transport;

import dev.weft.crdt.Updates;
import dev.weft.transport.protocol.AwarenessUpdate;
import dev.weft.transport.protocol.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The bounded outbound side of one connection: a window of sends in flight, a queue behind it that
 * is coalesced when it grows, and a verdict on peers that cannot keep up (see {@link
 * SessionLimits}). Guarded by the session's lock.
 */
final class OutboundQueue {
  private final Object lock;
  private final Transport transport;
  private final SessionLimits limits;
  private final Ticker ticker;
  private final Consumer<Throwable> onFailure;
  private final ArrayDeque<Message> queue = new ArrayDeque<>();
  private int inFlight;
  private long lastProgress;
  private boolean pumping;
  private boolean closed;
  private int coalescings;

  OutboundQueue(Object lock, Transport transport, SessionLimits limits, Ticker ticker, Consumer<Throwable> onFailure) {
    this.lock = lock;
    this.transport = transport;
    this.limits = limits;
    this.ticker = ticker;
    this.onFailure = onFailure;
  }

  void offer(Message m) {
    if (closed) {
      return;
    }
    queue.add(m);
    if (queue.size() > limits.maxQueuedMessages()) {
      coalesce();
    }
    if (queue.size() > limits.maxQueuedMessages()) {
      fail(new SlowPeerException("outbound queue full after merging: messages=" + queue.size()));
      return;
    }
    if (!checkStall()) {
      pump();
    }
  }

  /** Drops the peer if it has not completed a send for too long; returns whether it did. */
  boolean checkStall() {
    if (!closed && inFlight > 0 && ticker.millis() - lastProgress > limits.maxStallMillis()) {
      fail(new SlowPeerException("no send completed for " + (ticker.millis() - lastProgress) + " ms"));
      return true;
    }
    return false;
  }

  int queued() {
    return queue.size();
  }

  int inFlight() {
    return inFlight;
  }

  int coalescings() {
    return coalescings;
  }

  void close() {
    closed = true;
    queue.clear();
  }

  private void pump() {
    if (pumping) {
      return;
    }
    pumping = true;
    try {
      while (!closed && inFlight < limits.maxInFlight() && !queue.isEmpty()) {
        Message m = queue.poll();
        if (inFlight == 0) {
          lastProgress = ticker.millis();
        }
        inFlight++;
        CompletionStage<Void> sent;
        try {
          sent = transport.send(m.encode());
        } catch (RuntimeException e) {
          fail(e);
          return;
        }
        sent.whenComplete((ok, err) -> completed(err));
      }
    } finally {
      pumping = false;
    }
  }

  private void completed(Throwable err) {
    synchronized (lock) {
      inFlight--;
      lastProgress = ticker.millis();
      if (err != null) {
        fail(err);
      } else {
        pump();
      }
    }
  }

  private void fail(Throwable cause) {
    if (!closed) {
      close();
      onFailure.accept(cause);
    }
  }

  /**
   * Merges every queued document update into one and every awareness update into one, keeps the
   * newest sync step 1 and one awareness query. Updates are CRDT operations, so their order does
   * not matter; a merged update is a step 2 if any part was (the peer counts it as "synced").
   */
  private void coalesce() {
    coalescings++;
    List<byte[]> updates = new ArrayList<>();
    List<AwarenessUpdate> awareness = new ArrayList<>();
    boolean step2 = false;
    Message step1 = null;
    List<Message> others = new ArrayList<>();
    for (Message m : queue) {
      if (m instanceof Message.SyncStep2 s) {
        updates.add(s.update());
        step2 = true;
      } else if (m instanceof Message.SyncUpdate u) {
        updates.add(u.update());
      } else if (m instanceof Message.AwarenessMessage a) {
        awareness.add(a.update());
      } else if (m instanceof Message.SyncStep1) {
        step1 = m;
      } else if (!others.contains(m)) {
        others.add(m);
      }
    }
    queue.clear();
    List<Message> merged = new ArrayList<>();
    if (step1 != null) {
      merged.add(step1);
    }
    if (!updates.isEmpty()) {
      byte[] u = updates.size() == 1 ? updates.get(0) : Updates.mergeUpdates(updates);
      merged.add(step2 ? new Message.SyncStep2(u) : new Message.SyncUpdate(u));
    }
    if (!awareness.isEmpty()) {
      merged.add(new Message.AwarenessMessage(AwarenessUpdate.merge(awareness)));
    }
    merged.addAll(others);
    for (Message m : merged) {
      queue.add(m);
      }
  }
}
