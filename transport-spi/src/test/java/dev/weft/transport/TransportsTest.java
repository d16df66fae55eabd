package dev.weft.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.Subscription;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransportsTest {
  @Test
  void provider_memSchemeIsFoundByServiceLoader() {
    assertTrue(Transports.provider("mem").isPresent());
    assertTrue(Transports.provider("MEM").isPresent());
  }

  @Test
  void connect_unknownScheme_namesTheScheme() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Transports.connect(URI.create("nosuch://x/y")));
    assertTrue(e.getMessage().contains("scheme=nosuch"), e.getMessage());
  }

  @Test
  void connect_nobodyListening_isIoException() {
    assertThrows(IOException.class, () -> Transports.connect(URI.create("mem://nobody-" + System.nanoTime() + "/doc")));
  }

  @Test
  void connect_memUri_reachesTheListenerWithTheUri() throws Exception {
    BlockingQueue<byte[]> got = new ArrayBlockingQueue<>(1);
    List<URI> uris = new ArrayList<>();
    try (Subscription s = MemoryTransport.listen("transports-test", (uri, server) -> {
      uris.add(uri);
      server.start(new Transport.Receiver() {
        @Override
        public void onMessage(byte[] message) {
          got.add(message);
        }

        @Override
        public void onClose(Throwable cause) {}
      });
    })) {
      Transport t = Transports.connect(URI.create("mem://transports-test/room-1"));
      t.start(new Transport.Receiver() {
        @Override
        public void onMessage(byte[] message) {}

        @Override
        public void onClose(Throwable cause) {}
      });
      t.send(new byte[] {1, 2, 3});
      assertArrayEquals(new byte[] {1, 2, 3}, got.poll(10, TimeUnit.SECONDS));
      assertEquals("/room-1", uris.get(0).getPath());
      t.close();
    }
  }
}
