/**
 * Machinery shared by the client and server transports, not exported: the {@link
 * dev.weft.transport.websocket.internal.Pipe} that turns a WebSocket into a {@code Transport}
 * (ordered delivery, buffering before start, one close, one send in flight), the {@link
 * dev.weft.transport.websocket.internal.Liveness} timer, and the shared threads.
 */
package dev.weft.transport.websocket.internal;
