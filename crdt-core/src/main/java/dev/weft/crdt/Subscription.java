package dev.weft.crdt;

/** A registered listener; {@link #close()} unregisters it. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
