package dev.weft.crdt.encoding;

/**
 * The one error raised for malformed remote bytes: an update, a state vector, a delete set or a
 * protocol message that cannot be what it claims to be.
 *
 * <p>It names a {@link Reason} and the byte offset at which the decoder gave up, so a server can
 * log something useful and drop the peer. Whatever raised it has left the document it was applied
 * to exactly as it was.
 *
 * <p>Missing causal dependencies are <em>not</em> malformed input: such structs are kept as
 * pending until the gap fills.
 */
public final class DecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the bytes were rejected. */
  public enum Reason {
    /** The input ended in the middle of a value. */
    TRUNCATED,
    /** A variable-length integer has more groups than fit, or exceeds 2^53 - 1. */
    BAD_VARINT,
    /** A tag byte (struct info, content ref, any-type tag, type ref, message type) is unknown. */
    UNKNOWN_TAG,
    /** A length or count points past the end of the input or is absurd for its size. */
    LENGTH_OUT_OF_RANGE,
    /** A string is not well-formed UTF-8. */
    BAD_UTF8,
    /** A JSON text embedded in the binary format does not parse. */
    BAD_JSON,
    /** Bytes remain after a value that must fill its input. */
    TRAILING_BYTES,
    /** Each value is well-formed but together they describe an impossible document. */
    INCONSISTENT
  }

  private final Reason reason;
  private final long offset;

  public DecodingException(Reason reason, long offset, String detail) {
    super(reason + " at byte " + offset + ": " + detail);
    this.reason = reason;
    this.offset = offset;
  }

  /** Why the bytes were rejected. */
  public Reason reason() {
    return reason;
  }

  /** The byte offset in the input at which decoding failed (or the value that failed started). */
  public long offset() {
    return offset;
  }
}
