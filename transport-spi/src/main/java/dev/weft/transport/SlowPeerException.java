package dev.weft.transport;

/** Why a session dropped a peer that could not keep up with its outbound traffic. */
public final class SlowPeerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SlowPeerException(String message) {
    super(message);
  }
}
