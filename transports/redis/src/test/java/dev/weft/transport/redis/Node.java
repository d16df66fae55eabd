package dev.weft.transport.redis;

import dev.weft.transport.fanout.Bridge;
import dev.weft.transport.MemoryTransport;
import dev.weft.transport.Ticker;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.store.DocumentStore;
import dev.weft.transport.store.FileDocumentStore;
import dev.weft.transport.testing.SyncPeer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One server node for tests: a hub over its own file store, bridged to a document on the bus, and
 * clients connected to the hub in memory, as WebSocket clients would be.
 */
final class Node implements AutoCloseable {
  private static final AtomicLong CLIENT_IDS = new AtomicLong(1000);

  final FileDocumentStore store;
  final SyncHub hub;
  final RedisFanout fanout;
  final Bridge bridge;

  Node(String name, URI redis, Path dir, DocumentStore archive, String document) throws IOException {
    this.store = new FileDocumentStore(dir);
    this.hub = SyncHub.builder().store(store).build();
    RedisFanout.Builder b = RedisFanout.builder(redis).node(name);
    if (archive != null) {
      b.archive(archive);
    }
    this.fanout = b.build();
    this.bridge = fanout.bridge(hub, document);
  }

  /** A new client replica connected to this node's hub. */
  SyncPeer client(String document) {
    SyncPeer p = new SyncPeer(CLIENT_IDS.incrementAndGet(), Ticker.system(), false);
    attach(p, document);
    return p;
  }

  void attach(SyncPeer p, String document) {
    MemoryTransport.Pair link = MemoryTransport.pair();
    hub.join(document, link.server(), null);
    p.session.attach(link.client());
  }

  @Override
  public void close() throws IOException {
    bridge.close();
    hub.close();
    fanout.close();
    store.close();
  }
}
