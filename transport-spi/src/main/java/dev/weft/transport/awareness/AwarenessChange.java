package dev.weft.transport.awareness;

import java.util.List;

/**
 * What one call changed in an {@link Awareness}.
 *
 * @param added clients that now have a state and had none
 * @param updated clients whose state was set again (for {@code change} events: to a different
 *     value)
 * @param removed clients whose state is gone
 * @param origin who caused it: the object passed to {@link Awareness#apply}, {@link
 *     Awareness#LOCAL} or {@link Awareness#TIMEOUT}
 */
public record AwarenessChange(List<Long> added, List<Long> updated, List<Long> removed, Object origin) {
  public AwarenessChange {
    added = List.copyOf(added);
    updated = List.copyOf(updated);
    removed = List.copyOf(removed);
  }

  /** Whether no client is named. */
  public boolean isEmpty() {
    return added.isEmpty() && updated.isEmpty() && removed.isEmpty();
  }
}
