package dev.weft.examples.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.transport.server.Access;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenAuthorizerTest {
  private final Tokens tokens = new Tokens(Tokens.randomSecret(), Duration.ofMinutes(1), Duration.ofDays(1), Clock.systemUTC());
  private final Object node = new Object();
  private final TokenAuthorizer authorizer = new TokenAuthorizer(tokens, node);

  @Test
  void authorize_grantsWhatTheTokenSaysForItsDocumentOnly() {
    assertEquals(Access.READ_WRITE, authorizer.authorize("a", tokens.connect("a", Access.READ_WRITE)));
    assertEquals(Access.READ_ONLY, authorizer.authorize("a", tokens.connect("a", Access.READ_ONLY)));
    assertEquals(Access.DENY, authorizer.authorize("b", tokens.connect("a", Access.READ_WRITE)));
  }

  @Test
  void authorize_deniesEverythingElseButTheNodeItself() {
    assertEquals(Access.DENY, authorizer.authorize("a", null));
    assertEquals(Access.DENY, authorizer.authorize("a", "v1.forged.token"));
    assertEquals(Access.DENY, authorizer.authorize("a", tokens.share("a")));
    assertEquals(Access.DENY, authorizer.authorize("a", new Object()));
    assertEquals(Access.READ_WRITE, authorizer.authorize("a", node));
  }
}
