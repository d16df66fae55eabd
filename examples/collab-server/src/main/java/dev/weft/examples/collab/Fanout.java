package dev.weft.examples.collab;

import dev.weft.transport.fanout.Bridge;
import dev.weft.transport.kafka.KafkaFanout;
import dev.weft.transport.redis.RedisFanout;
import dev.weft.transport.server.SyncHub;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * How several nodes serve one document: the first time a document is opened on this node, its hub
 * joins the document on the Redis or Kafka bus (a {@link Bridge}) and stays joined until the
 * server stops. Without a bus this does nothing.
 *
 * <p>Bridges are opened on a thread of their own, not on the container's: opening one may take
 * seconds (a Kafka consumer joining its group), and the page that asked need not wait, because
 * the bridge's handshake with the bus exchanges whatever either side lacks whenever it happens.
 */
final class Fanout implements AutoCloseable {
  /** Opens a bridge of {@code hub} to {@code document}, joining with {@code credentials}. */
  @FunctionalInterface
  interface Bridger {
    Bridge bridge(SyncHub hub, String document, Object credentials);
  }

  private final SyncHub hub;
  private final Object credentials;
  private final Bridger bridger;
  private final Runnable closeBus;
  private final Map<String, Bridge> bridges = new HashMap<>();
  private final ExecutorService opener;
  private boolean closed;

  private Fanout(SyncHub hub, Object credentials, Bridger bridger, Runnable closeBus) {
    this.hub = hub;
    this.credentials = credentials;
    this.bridger = bridger;
    this.closeBus = closeBus;
    this.opener = bridger == null ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "collab-bridges");
      t.setDaemon(true);
      return t;
    });
  }

  /** The fan-out the options ask for; {@code credentials} are what the bridges join with. */
  static Fanout of(Options o, SyncHub hub, Object credentials) {
    if (o.redis() != null) {
      RedisFanout redis = RedisFanout.builder(o.redis()).node(o.node()).build();
      return new Fanout(hub, credentials, redis::bridge, redis::close);
    }
    if (o.kafka() != null) {
      KafkaFanout kafka = KafkaFanout.builder(o.kafka(), o.kafkaTopic()).node(o.node()).build();
      return new Fanout(hub, credentials, kafka::bridge, kafka::close);
    }
    return new Fanout(hub, credentials, null, null);
  }

  /** Where documents are shared, for the start-up message. */
  static String describe(Options o) {
    if (o.redis() != null) {
      return "sharing documents through Redis at " + o.redis() + " as node " + o.node();
    }
    if (o.kafka() != null) {
      return "sharing documents through Kafka at " + o.kafka() + " (topic " + o.kafkaTopic() + ") as node " + o.node();
    }
    return "single node";
  }

  /** Makes sure {@code document} is shared with the other nodes. */
  void share(String document) {
    if (bridger == null) {
      return;
    }
    synchronized (this) {
      if (closed || bridges.containsKey(document)) {
        return;
      }
      bridges.put(document, null); // being opened
    }
    opener.execute(() -> {
      Bridge b = bridger.bridge(hub, document, credentials);
      synchronized (this) {
        if (!closed) {
          bridges.put(document, b);
          return;
        }
      }
      b.close();
    });
  }

  @Override
  public void close() {
    if (opener != null) {
      opener.shutdown();
      try {
        opener.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      closed = true;
      for (Bridge b : bridges.values()) {
        if (b != null) {
          b.close();
        }
      }
      bridges.clear();
    }
    if (closeBus != null) {
      closeBus.run();
    }
  }
}
