package dev.weft.crdt.internal;

/**
 * The unique name of one unit of content: the client that created it and that client's counter
 * (its clock) at the time. A struct covering {@code n} units with id {@code (c, k)} owns the ids
 * {@code (c, k)} to {@code (c, k + n - 1)}.
 *
 * @param client the creating client, 0 to 2^53 - 1
 * @param clock the position in that client's history, counted in content units
 */
public record Id(long client, long clock) {
  @Override
  public String toString() {
    return client + ":" + clock;
  }
}
