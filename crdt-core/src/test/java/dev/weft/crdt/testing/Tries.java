package dev.weft.crdt.testing;

/** The build's property budget: {@code -Dweft.tries} (500 by default, 20000 with {@code -Psoak}). */
public final class Tries {
  private Tries() {}

  /** The build's tries per property: the system property {@code weft.tries}, or 500. */
  public static int build() {
    String v = System.getProperty("weft.tries");
    try {
      return v == null || v.isBlank() ? 500 : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return 500;
    }
  }

  /** Whether this is a soak run (more tries than the default build). */
  public static boolean soak() {
    return build() > 500;
  }
}
