package dev.weft.crdt.encoding;

/**
 * A JavaScript {@code BigInt} as lib0 writes it (any-tag 122, eight bytes big-endian).
 *
 * <p>Plain Java integers are written the way JavaScript numbers are (a varInt, or a float), so a
 * value meant to arrive in JavaScript as a {@code BigInt} must be wrapped in this record.
 */
public record BigInt64(long value) {}
