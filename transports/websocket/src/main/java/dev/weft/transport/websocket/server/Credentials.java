package dev.weft.transport.websocket.server;

import jakarta.websocket.server.HandshakeRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes a peer's credentials from the WebSocket opening handshake; the {@link Acceptor} (the
 * hub's {@code Authorizer}) decides with them before the peer joins a document.
 *
 * <p>Browsers cannot set headers on a WebSocket, so y-websocket clients pass a token as a query
 * parameter: {@code new WebsocketProvider(url, room, doc, { params: { token } })} connects to
 * {@code url/room?token=…}. Java clients may send an {@code Authorization: Bearer …} header
 * instead. {@link #token(String)} accepts both.
 */
@FunctionalInterface
public interface Credentials {
  /** The credentials in {@code request}, or null if it carries none. */
  Object from(HandshakeRequest request);

  /**
   * The query parameter {@code parameter} if present, else the bearer token of the {@code
   * Authorization} header, else null; a {@code String}.
   */
  static Credentials token(String parameter) {
    Objects.requireNonNull(parameter, "parameter");
    return request -> {
      List<String> values = request.getParameterMap().get(parameter);
      if (values != null && !values.isEmpty()) {
        return values.get(0);
      }
      for (Map.Entry<String, List<String>> h : request.getHeaders().entrySet()) {
        if ("Authorization".equalsIgnoreCase(h.getKey())) {
          for (String v : h.getValue()) {
            if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
              return v.substring(7).strip();
            }
          }
        }
      }
      return null;
    };
  }

  /** No credentials: the authorizer sees null. */
  static Credentials none() {
    return request -> null;
  }
}
