package dev.weft.transport.redis;

import java.nio.charset.StandardCharsets;

/**
 * Where a document lives in Redis, and the fields of its stream entries; the whole layout is
 * described in this module's {@code FORMAT.md} and pinned by {@code StreamLayoutTest}.
 *
 * <pre>
 * weft:{doc}:log    stream, one entry per message:  n = sender id · k = kind · d = data
 *                   k "u": d is one Yjs update v1 (from a sync update or step 2 message)
 *                   k "m": d is one whole y-protocols message (awareness, query awareness, ...)
 * weft:{doc}:meta   hash:  epoch   = random token, created with the stream; a new epoch means
 *                                    Redis lost the stream (restart without persistence, flush)
 *                          trimmed = id of the last entry compacted into the archive and trimmed
 * </pre>
 *
 * The braces are a Redis Cluster hash tag: both keys of a document live in one slot, so the Lua
 * scripts below may touch both.
 */
final class StreamLayout {
  private StreamLayout() {}

  static final byte[] SENDER = bytes("n");
  static final byte[] KIND = bytes("k");
  static final byte[] DATA = bytes("d");
  static final byte[] KIND_UPDATE = bytes("u");
  static final byte[] KIND_MESSAGE = bytes("m");
  static final byte[] EPOCH = bytes("epoch");
  static final byte[] TRIMMED = bytes("trimmed");

  /** The id before every stream entry. */
  static final String ZERO = "0-0";

  /**
   * Reads a document's position atomically: KEYS = log, meta; ARGV[1] = an epoch to create if
   * there is none; ARGV[2] = "1" to include every entry. Returns {epoch, trimmed or false, last
   * entry id or false, entries or false}.
   */
  static final String SNAPSHOT = """
      redis.call('HSETNX', KEYS[2], 'epoch', ARGV[1])
      local epoch = redis.call('HGET', KEYS[2], 'epoch')
      local trimmed = redis.call('HGET', KEYS[2], 'trimmed')
      local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
      local lastId = false
      if #last > 0 then lastId = last[1][1] end
      local entries = false
      if ARGV[2] == '1' then entries = redis.call('XRANGE', KEYS[1], '-', '+') end
      return {epoch, trimmed, lastId, entries}
      """;

  /**
   * Records that entries up to ARGV[1] are in the archive and trims them: KEYS = log, meta.
   * The mark only moves forward. Returns the number of entries removed.
   */
  static final String TRIM = """
      local function less(a, b)
        local am, as = string.match(a, '(%d+)-(%d+)')
        local bm, bs = string.match(b, '(%d+)-(%d+)')
        am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
        return am < bm or (am == bm and as < bs)
      end
      local mark = redis.call('HGET', KEYS[2], 'trimmed')
      if (not mark) or less(mark, ARGV[1]) then
        redis.call('HSET', KEYS[2], 'trimmed', ARGV[1])
      end
      return redis.call('XTRIM', KEYS[1], 'MINID', ARGV[2])
      """;

  static byte[] logKey(String document) {
    return bytes("weft:{" + document + "}:log");
  }

  static byte[] metaKey(String document) {
    return bytes("weft:{" + document + "}:meta");
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String string(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** Compares two stream ids ({@code millis-sequence}) numerically. */
  static int compareIds(String a, String b) {
    long[] x = parse(a);
    long[] y = parse(b);
    int c = Long.compare(x[0], y[0]);
    return c != 0 ? c : Long.compare(x[1], y[1]);
  }

  /** The smallest id after {@code id}. */
  static String next(String id) {
    long[] x = parse(id);
    return x[1] == Long.MAX_VALUE ? (x[0] + 1) + "-0" : x[0] + "-" + (x[1] + 1);
  }

  /** The larger of two ids, either of which may be null. */
  static String max(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || compareIds(a, b) >= 0 ? a : b;
  }

  private static long[] parse(String id) {
    int dash = id.indexOf('-');
    if (dash < 0) {
      throw new IllegalArgumentException("not a stream id: id=" + id);
    }
    return new long[] {Long.parseUnsignedLong(id.substring(0, dash)), Long.parseUnsignedLong(id.substring(dash + 1))};
  }
}
