package dev.weft.examples.collab;

import dev.weft.transport.server.Access;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed grants: who may do what with which document, until when.
 *
 * <p>A grant travels as {@code v1.PAYLOAD.MAC}: the payload is {@code kind|document|access|expiry}
 * (expiry in epoch seconds) in base64url, the MAC its HMAC-SHA256 under the server's secret, also
 * base64url. Two kinds exist:
 * <ul>
 *   <li>{@link Kind#CONNECT}: short-lived, issued by {@code /api/token} and checked on the
 *       WebSocket handshake. The page fetches one before connecting and again before it expires.
 *   <li>{@link Kind#SHARE}: long-lived and always read-only, the {@code share} parameter of a
 *       read-only link; the token endpoint exchanges it for a read-only connect token.
 * </ul>
 * Grants hold no state on the server: any node with the same secret accepts them, and a new
 * secret (each start, unless one is configured) voids them all; pages then fetch new tokens.
 */
public final class Tokens {
  /** What a grant is for. */
  public enum Kind {
    CONNECT("c"), SHARE("s");

    final String tag;

    Kind(String tag) {
      this.tag = tag;
    }
  }

  /** A verified grant. */
  public record Grant(Kind kind, String document, Access access, long expiresAtSeconds) {}

  /** Longer tokens are refused unread. */
  static final int MAX_TOKEN_CHARS = 1024;
  private static final String VERSION = "v1";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final Duration connectTtl;
  private final Duration shareTtl;
  private final Clock clock;

  /**
   * @param secret the HMAC key (at least 16 bytes)
   * @param connectTtl how long a connect token is valid
   * @param shareTtl how long a read-only share link is valid
   */
  public Tokens(byte[] secret, Duration connectTtl, Duration shareTtl, Clock clock) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("secret must have at least 16 bytes: length=" + secret.length);
    }
    if (connectTtl.getSeconds() < 1 || shareTtl.getSeconds() < 1) {
      throw new IllegalArgumentException("lifetimes must be at least 1 s: connectTtl=" + connectTtl + ", shareTtl=" + shareTtl);
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.connectTtl = connectTtl;
    this.shareTtl = shareTtl;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** 32 random bytes: a secret for one run of the server. */
  public static byte[] randomSecret() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return b;
  }

  public Duration connectTtl() {
    return connectTtl;
  }

  /** A connect token for {@code document}. */
  public String connect(String document, Access access) {
    return sign(Kind.CONNECT, document, access, connectTtl);
  }

  /** A read-only share grant for {@code document}. */
  public String share(String document) {
    return sign(Kind.SHARE, document, Access.READ_ONLY, shareTtl);
  }

  private String sign(Kind kind, String document, Access access, Duration ttl) {
    if (!DocumentNames.isValid(document)) {
      throw new IllegalArgumentException("invalid document name: document=" + document);
    }
    if (access == Access.DENY) {
      throw new IllegalArgumentException("a grant gives access: access=" + access);
    }
    long expires = clock.instant().getEpochSecond() + ttl.getSeconds();
    String payload = kind.tag + "|" + document + "|" + (access == Access.READ_WRITE ? "rw" : "r") + "|" + expires;
    String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return VERSION + "." + body + "." + B64.encodeToString(mac(body));
  }

  /**
   * The grant in {@code token} if it is well formed, signed with this secret, of kind {@code kind}
   * and not expired; empty otherwise (never an exception: tokens come from anyone).
   */
  public Optional<Grant> verify(String token, Kind kind) {
    if (token == null || token.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      return Optional.empty();
    }
    byte[] given;
    byte[] payload;
    try {
      given = Base64.getUrlDecoder().decode(parts[2]);
      payload = Base64.getUrlDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(given, mac(parts[1]))) {
      return Optional.empty();
    }
    String[] f = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
    if (f.length != 4 || !kind.tag.equals(f[0]) || !DocumentNames.isValid(f[1])) {
      return Optional.empty();
    }
    Access access = switch (f[2]) {
      case "rw" -> Access.READ_WRITE;
      case "r" -> Access.READ_ONLY;
      default -> null;
    };
    long expires;
    try {
      expires = Long.parseLong(f[3]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (access == null || expires <= clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.of(new Grant(kind, f[1], access, expires));
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
