/**
 * The y-protocols messages (sync, awareness, auth) in y-websocket framing, as values with a codec
 * that matches y-protocols 1.0.7 byte for byte. See {@link dev.weft.transport.protocol.Wire} for the
 * layout and {@code transport-spi/FORMAT.md} for the whole picture.
 */
package dev.weft.transport.protocol;
