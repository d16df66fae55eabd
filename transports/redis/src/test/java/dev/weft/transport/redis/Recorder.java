package dev.weft.transport.redis;

import dev.weft.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a transport delivers. */
final class Recorder implements Transport.Receiver {
  private final List<byte[]> messages = new ArrayList<>();
  private final AtomicInteger closes = new AtomicInteger();

  @Override
  public synchronized void onMessage(byte[] message) {
    messages.add(message);
  }

  @Override
  public void onClose(Throwable cause) {
    closes.incrementAndGet();
  }

  synchronized List<byte[]> messages() {
    return new ArrayList<>(messages);
  }

  int closes() {
    return closes.get();
  }
}
