package dev.weft.transport.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.crdt.Doc;
import dev.weft.text.differential.Checks;
import dev.weft.text.differential.NodeDriver;
import dev.weft.text.differential.State;
import dev.weft.text.differential.WeftEdits;
import dev.weft.transport.SyncSession;
import dev.weft.transport.Transport;
import dev.weft.transport.protocol.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Weft and Yjs replicas edit one document together. Every pair of replicas is linked; a link
 * carries y-websocket sync messages (sync step 1, step 2, update) in both directions, first in,
 * first out, as a WebSocket would. A Weft end is a {@link SyncSession}; a Yjs end is a
 * {@code y-protocols/sync} peer in the Node driver. Edits on either side interleave randomly with
 * deliveries and with reconnects (a link loses what is in flight and both ends handshake again).
 * Once every link is drained, all replicas hold the same content and state vector (compared as
 * {@link Checks#sameJson} compares states reached by different delivery orders).
 *
 * <p>Seeds as for the other differential tests: {@code -Dweft.differential.seed=N} replays one,
 * {@code -Dweft.differential.scenarios=K} runs K.
 */
class MixedSessionDifferentialTest {
  private static final int SCENARIOS = 100;
  private static final long BASE_SEED = 0x5E55_0000L;
  private static NodeDriver yjs;

  @BeforeAll
  static void startNode() throws Exception {
    String why = NodeDriver.unavailableReason();
    assumeTrue(why == null, () -> "skipped: " + why);
    yjs = NodeDriver.start();
  }

  @AfterAll
  static void stopNode() {
    if (yjs != null) {
      yjs.close();
    }
  }

  /** One end of a link: a Weft session or a Yjs peer (by id). */
  private final class End {
    final Doc doc;
    final String peer;
    SyncSession session;
    LinkTransport transport;

    End(Doc doc, String peer) {
      this.doc = doc;
      this.peer = peer;
    }
  }

  /** Two ends and a queue of messages toward each. */
  private final class Link {
    final End[] ends = new End[2];
    final List<ArrayDeque<byte[]>> toward = List.of(new ArrayDeque<>(), new ArrayDeque<>());
  }

  /** What a session sends goes into its link's queue toward the other end. */
  private static final class LinkTransport implements Transport {
    final ArrayDeque<byte[]> out;
    Receiver receiver;
    boolean closed;

    LinkTransport(ArrayDeque<byte[]> out) {
      this.out = out;
    }

    @Override
    public void start(Receiver receiver) {
      this.receiver = receiver;
    }

    @Override
    public CompletionStage<Void> send(byte[] message) {
      if (!closed) {
        out.add(message);
      }
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private int messages;

  @Test
  void weftAndYjsReplicasConverge() {
    String only = System.getProperty("weft.differential.seed", "");
    String count = System.getProperty("weft.differential.scenarios", "");
    List<Long> seeds = new ArrayList<>();
    if (!only.isBlank()) {
      seeds.add(Long.parseLong(only.trim()));
    } else {
      int n = count.isBlank() ? SCENARIOS : Math.max(1, Integer.parseInt(count.trim()) / 5);
      for (int i = 0; i < n; i++) {
        seeds.add(BASE_SEED + i);
      }
    }
    long start = System.nanoTime();
    for (long seed : seeds) {
      try {
        scenario(seed);
      } catch (AssertionError | RuntimeException e) {
        System.out.println("[differential] MixedSessionDifferentialTest seed " + seed + " FAILED: " + e.getMessage()
            + "\n  replay: ./mvnw -B -pl transport-spi -am test -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dtest=MixedSessionDifferentialTest"
            + " -Dweft.differential.seed=" + seed);
        throw new AssertionError("MixedSessionDifferentialTest seed " + seed + " (replay with -Dweft.differential.seed="
            + seed + "): " + e.getMessage(), e);
      }
    }
    System.out.printf("[differential] mixed Weft/Yjs sessions: %d scenarios, %d messages, in %d ms%n",
        seeds.size(), messages, (System.nanoTime() - start) / 1_000_000);
  }

  @SuppressWarnings("unchecked")
  private void scenario(long seed) {
    Random random = new Random(seed);
    yjs.call("closePeers");
    int weftCount = 1 + random.nextInt(3);
    int yjsCount = 1 + random.nextInt(3);
    List<Long> clients = Checks.clientIds(random, weftCount + yjsCount);
    List<End> replicas = new ArrayList<>();
    WeftEdits edits = new WeftEdits(random);
    for (int i = 0; i < weftCount; i++) {
      Doc d = new Doc(clients.get(i));
      State.declareRoots(d);
      replicas.add(new End(d, null));
    }
    for (int i = 0; i < yjsCount; i++) {
      String id = "y" + i;
      yjs.call("openPeer", "id", id, "client", clients.get(weftCount + i), "seed", random.nextInt(Integer.MAX_VALUE));
      replicas.add(new End(null, id));
    }
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < replicas.size(); i++) {
      for (int k = i + 1; k < replicas.size(); k++) {
        Link link = new Link();
        link.ends[0] = new End(replicas.get(i).doc, replicas.get(i).peer);
        link.ends[1] = new End(replicas.get(k).doc, replicas.get(k).peer);
        links.add(link);
        connect(link);
      }
    }
    int steps = 20 + random.nextInt(60);
    for (int step = 0; step < steps; step++) {
      int r = random.nextInt(10);
      if (r < 4) {
        End e = replicas.get(random.nextInt(replicas.size()));
        if (e.doc != null) {
          synchronized (e.doc) {
            edits.edit(e.doc);
          }
        } else {
          broadcast(links, e.peer, (List<Object>) yjs.call("editPeer", "id", e.peer, "steps", 1).get("out"));
        }
      } else if (r < 9) {
        Link link = links.get(random.nextInt(links.size()));
        int side = random.nextInt(2);
        for (int n = random.nextInt(4); n > 0 && !link.toward.get(side).isEmpty(); n--) {
          deliver(links, link, side);
        }
      } else {
        Link link = links.get(random.nextInt(links.size()));
        disconnect(link);
        connect(link);
      }
    }
    boolean busy = true;
    while (busy) {
      busy = false;
      for (Link link : links) {
        for (int side = 0; side < 2; side++) {
          while (!link.toward.get(side).isEmpty()) {
            deliver(links, link, side);
            busy = true;
          }
        }
      }
    }
    int formats = edits.formats;
    int deletes = edits.deletes;
    List<State> states = new ArrayList<>();
    for (End e : replicas) {
      if (e.doc != null) {
        states.add(State.of(e.doc));
      } else {
        Map<String, Object> s = yjs.call("peerState", "id", e.peer);
        formats += ((Number) s.get("formats")).intValue();
        deletes += ((Number) s.get("deletes")).intValue();
        states.add(State.of(s));
      }
    }
    for (Link link : links) {
      for (End e : link.ends) {
        if (e.session != null) {
          assertTrue(e.session.isSynced(), "a Weft session never completed its handshake");
          e.session.close();
        }
      }
    }
    for (int i = 1; i < states.size(); i++) {
      String what = "replica " + i + " (" + (replicas.get(i).doc != null ? "Weft" : "Yjs") + ") against replica 0 ("
          + (replicas.get(0).doc != null ? "Weft" : "Yjs") + ")";
      Checks.sameJson(what, states.get(0), states.get(i), formats > 0 && deletes > 0);
    }
  }

  /** Opens a link: Weft ends attach a session (which sends sync step 1), Yjs ends send sync step 1. */
  private void connect(Link link) {
    for (int side = 0; side < 2; side++) {
      End e = link.ends[side];
      ArrayDeque<byte[]> out = link.toward.get(1 - side);
      if (e.doc != null) {
        if (e.session == null) {
          e.session = SyncSession.builder(e.doc).build();
        }
        e.transport = new LinkTransport(out);
        synchronized (e.doc) {
          e.session.attach(e.transport);
        }
      } else {
        out.add(NodeDriver.unb64(yjs.call("step1", "id", e.peer).get("msg")));
      }
    }
  }

  /** Loses what is in flight on a link; its Weft sessions detach. */
  private void disconnect(Link link) {
    link.toward.forEach(ArrayDeque::clear);
    for (End e : link.ends) {
      if (e.session != null) {
        e.transport.close();
        synchronized (e.doc) {
          e.session.detach();
        }
      }
    }
  }

  /** Delivers the next message toward {@code side} of a link. */
  @SuppressWarnings("unchecked")
  private void deliver(List<Link> links, Link link, int side) {
    byte[] msg = link.toward.get(side).poll();
    messages++;
    End e = link.ends[side];
    Message.decode(msg); // every message on the wire is a well-formed y-websocket message
    if (e.doc != null) {
      synchronized (e.doc) {
        e.transport.receiver.onMessage(msg);
      }
    } else {
      Map<String, Object> answer = yjs.call("receive", "id", e.peer, "msg", NodeDriver.b64(msg));
      for (Object reply : (List<Object>) answer.get("reply")) {
        link.toward.get(1 - side).add(NodeDriver.unb64(reply));
      }
      broadcast(links, e.peer, (List<Object>) answer.get("out"));
    }
  }

  /** A Yjs peer's local updates go out on every link it has. */
  private void broadcast(List<Link> links, String peer, List<Object> out) {
    for (Object m : out) {
      byte[] msg = NodeDriver.unb64(m);
      for (Link link : links) {
        for (int side = 0; side < 2; side++) {
          if (peer.equals(link.ends[side].peer)) {
            link.toward.get(1 - side).add(msg);
          }
        }
      }
    }
  }
}
