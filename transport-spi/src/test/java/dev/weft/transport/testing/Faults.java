package dev.weft.transport.testing;

/**
 * How often a {@link FaultyTransport} misbehaves, per message sent (each in [0, 1]).
 *
 * @param drop the message is lost
 * @param duplicate the message arrives twice
 * @param reorder the message is held back and sent after the next one
 * @param delay the message is sent a few executor hops later (overtaken by later ones)
 * @param disconnect the connection is closed instead of sending
 */
public record Faults(double drop, double duplicate, double reorder, double delay, double disconnect) {
  /** A perfect network. */
  public static final Faults NONE = new Faults(0, 0, 0, 0, 0);

  public Faults {
    for (double p : new double[] {drop, duplicate, reorder, delay, disconnect}) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probabilities must be in [0, 1]: " + p);
      }
    }
  }

  /** Loss, duplicates, reordering and delay, each with probability {@code p}; no disconnects. */
  public static Faults lossy(double p) {
    return new Faults(p, p, p, p, 0);
  }

  public Faults withDisconnect(double p) {
    return new Faults(drop, duplicate, reorder, delay, p);
  }
}
