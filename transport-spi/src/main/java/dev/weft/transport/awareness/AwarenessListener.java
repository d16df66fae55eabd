package dev.weft.transport.awareness;

/** Receives {@link AwarenessChange}s; see {@link Awareness#onChange} and {@link Awareness#onUpdate}. */
@FunctionalInterface
public interface AwarenessListener {
  void onChange(AwarenessChange change);
}
