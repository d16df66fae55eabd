package dev.weft.transport.kafka;

import dev.weft.transport.fanout.Bridge;
import dev.weft.transport.MemoryTransport;
import dev.weft.transport.Ticker;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.store.FileDocumentStore;
import dev.weft.transport.testing.SyncPeer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** One server node for tests: a hub over its own file store, bridged to a document on the topic. */
final class Node implements AutoCloseable {
  private static final AtomicLong CLIENT_IDS = new AtomicLong(1000);

  final FileDocumentStore store;
  final SyncHub hub;
  final KafkaFanout fanout;
  final Bridge bridge;

  Node(String name, String bootstrap, String topic, Path dir, String document) throws IOException {
    this.store = new FileDocumentStore(dir);
    this.hub = SyncHub.builder().store(store).build();
    this.fanout = KafkaFanout.builder(bootstrap, topic).node(name).build();
    this.bridge = fanout.bridge(hub, document);
  }

  SyncPeer client(String document) {
    SyncPeer p = new SyncPeer(CLIENT_IDS.incrementAndGet(), Ticker.system(), false);
    MemoryTransport.Pair link = MemoryTransport.pair();
    hub.join(document, link.server(), null);
    p.session.attach(link.client());
    return p;
  }

  @Override
  public void close() throws IOException {
    bridge.close();
    hub.close();
    fanout.close();
    store.close();
  }
}
