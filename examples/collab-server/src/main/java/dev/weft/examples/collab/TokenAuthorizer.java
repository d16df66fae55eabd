package dev.weft.examples.collab;

import dev.weft.transport.server.Access;
import dev.weft.transport.server.Authorizer;
import java.util.Objects;

/**
 * The hub's {@link Authorizer}: a peer's credentials are the token of its WebSocket handshake
 * ({@code ?token=…}); a valid, unexpired connect token for this very document grants the access it
 * names, anything else is denied. This node's own bus bridges join with {@code node}.
 *
 * <p>To authenticate another way (a session cookie, an OAuth token), give the hub another
 * authorizer and make {@code /api/token} issue tokens only to the users it should.
 */
final class TokenAuthorizer implements Authorizer {
  private final Tokens tokens;
  private final Object node;

  TokenAuthorizer(Tokens tokens, Object node) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.node = Objects.requireNonNull(node, "node");
  }

  @Override
  public Access authorize(String document, Object credentials) {
    if (credentials == node) {
      return Access.READ_WRITE;
    }
    if (!(credentials instanceof String token)) {
      return Access.DENY;
    }
    return tokens.verify(token, Tokens.Kind.CONNECT)
        .filter(g -> g.document().equals(document))
        .map(Tokens.Grant::access)
        .orElse(Access.DENY);
  }
}
