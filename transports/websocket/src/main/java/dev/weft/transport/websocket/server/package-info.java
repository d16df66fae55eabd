/**
 * The server side: {@link dev.weft.transport.websocket.server.SyncEndpoint}, a Jakarta WebSocket
 * endpoint that hands each connection to a {@code SyncHub} (or any {@link
 * dev.weft.transport.websocket.server.Acceptor}), with the room taken from the URL path and
 * {@linkplain dev.weft.transport.websocket.server.Credentials credentials} from the handshake.
 * Deploy it in any Jakarta WebSocket 2.1 container: Jetty 12, Tomcat 10.1+, Spring Boot 3.
 */
package dev.weft.transport.websocket.server;
