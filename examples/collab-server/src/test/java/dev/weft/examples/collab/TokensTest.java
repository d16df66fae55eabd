package dev.weft.examples.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.transport.server.Access;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokensTest {
  private static final byte[] SECRET = "a secret of enough bytes".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static Tokens at(Instant now, byte[] secret) {
    return new Tokens(secret, Duration.ofMinutes(5), Duration.ofDays(1), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void verify_acceptsWhatItSigned() {
    Tokens t = at(NOW, SECRET);
    Tokens.Grant g = t.verify(t.connect("notes", Access.READ_ONLY), Tokens.Kind.CONNECT).orElseThrow();
    assertEquals(new Tokens.Grant(Tokens.Kind.CONNECT, "notes", Access.READ_ONLY, NOW.getEpochSecond() + 300), g);
    Tokens.Grant share = t.verify(t.share("notes"), Tokens.Kind.SHARE).orElseThrow();
    assertEquals(Access.READ_ONLY, share.access());
  }

  @Test
  void verify_refusesAnExpiredToken() {
    String token = at(NOW, SECRET).connect("notes", Access.READ_WRITE);
    assertTrue(at(NOW.plusSeconds(299), SECRET).verify(token, Tokens.Kind.CONNECT).isPresent());
    assertTrue(at(NOW.plusSeconds(300), SECRET).verify(token, Tokens.Kind.CONNECT).isEmpty());
  }

  @Test
  void verify_refusesAnotherSecretOrKind() {
    String token = at(NOW, SECRET).connect("notes", Access.READ_WRITE);
    assertTrue(at(NOW, "another secret, long enough".getBytes(StandardCharsets.UTF_8)).verify(token, Tokens.Kind.CONNECT).isEmpty());
    assertTrue(at(NOW, SECRET).verify(token, Tokens.Kind.SHARE).isEmpty());
    assertTrue(at(NOW, SECRET).verify(at(NOW, SECRET).share("notes"), Tokens.Kind.CONNECT).isEmpty());
  }

  @Test
  void verify_refusesATamperedPayload() {
    Tokens t = at(NOW, SECRET);
    String token = t.connect("notes", Access.READ_ONLY);
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String upgraded = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.replace("|r|", "|rw|").getBytes(StandardCharsets.UTF_8));
    assertTrue(t.verify(parts[0] + "." + upgraded + "." + parts[2], Tokens.Kind.CONNECT).isEmpty());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      String flipped = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
      assertTrue(t.verify(flipped, Tokens.Kind.CONNECT).map(g -> g.access() == Access.READ_ONLY
          && g.document().equals("notes")).orElse(true), "changed at " + i);
    }
  }

  @Test
  void verify_refusesGarbageWithoutThrowing() {
    Tokens t = at(NOW, SECRET);
    for (String bad : new String[] {null, "", "v1", "v1..", "v1.!!.!!", "v2.a.b", "x".repeat(5000), "v1.a.b.c"}) {
      assertTrue(t.verify(bad, Tokens.Kind.CONNECT).isEmpty(), String.valueOf(bad));
    }
  }

  @Test
  void signing_needsAValidNameAndAGoodSecret() {
    Tokens t = at(NOW, SECRET);
    assertThrows(IllegalArgumentException.class, () -> t.connect("a/b", Access.READ_WRITE));
    assertThrows(IllegalArgumentException.class, () -> t.connect("a|rw", Access.READ_WRITE));
    assertThrows(IllegalArgumentException.class, () -> t.connect("notes", Access.DENY));
    assertThrows(IllegalArgumentException.class, () -> at(NOW, new byte[8]));
  }
}
