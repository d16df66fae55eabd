package dev.weft.transport.testing.load;

import dev.weft.transport.MemoryTransport;
import dev.weft.transport.fanout.Bridge;
import dev.weft.transport.server.SyncHub;
import dev.weft.transport.store.MemoryDocumentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * Two server nodes for a fan-out load run: a hub over a memory store each, bridged to every
 * document of the run through a bus (Redis, Kafka), and a {@link LoadRun.Connector} that joins
 * the writers of a document to the nodes in turn, in memory (on four delivery threads), as
 * WebSocket clients would be; so most deliveries cross the bus.
 */
public final class BridgedHubs implements AutoCloseable {
  /** One node's link to the bus: how it bridges a hub to a document, and what closes it. */
  public record Bus(BiFunction<SyncHub, String, Bridge> bridge, AutoCloseable link) {}

  /** Opens the bus link of the node named {@code node}. */
  @FunctionalInterface
  public interface BusOpener {
    Bus open(String node) throws Exception;
  }

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final SyncHub[] hubs = new SyncHub[2];
  private final ExecutorService lanes = Executors.newFixedThreadPool(4);

  public BridgedHubs(int documents, BusOpener opener) throws Exception {
    resources.add(lanes::shutdownNow);
    try {
      for (int n = 0; n < hubs.length; n++) {
        hubs[n] = SyncHub.builder().store(new MemoryDocumentStore()).build();
        resources.add(hubs[n]);
        Bus bus = opener.open("node-" + n);
        resources.add(bus.link());
        for (int d = 0; d < documents; d++) {
          resources.add(bus.bridge().apply(hubs[n], "load-" + d));
        }
      }
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  /** Joins writer {@code w} of a document to node {@code w % 2}. */
  public LoadRun.Connector connector() {
    return (document, writer) -> {
      MemoryTransport.Pair link = MemoryTransport.pair(lanes);
      hubs[writer % hubs.length].join(document, link.server(), null);
      return link.client();
    };
  }

  @Override
  public void close() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
    resources.clear();
  }
}
