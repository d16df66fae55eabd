/**
 * The client side: {@link dev.weft.transport.websocket.WebSocketTransport}, a {@code Transport}
 * over the JDK's WebSocket that {@code Transports.connect} returns for {@code ws://} and {@code
 * wss://} URIs, and the {@linkplain dev.weft.transport.websocket.CloseCodes close codes} both
 * sides use. The server endpoint is in {@link dev.weft.transport.websocket.server}.
 */
package dev.weft.transport.websocket;
