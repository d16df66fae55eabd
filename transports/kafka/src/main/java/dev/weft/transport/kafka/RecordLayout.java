package dev.weft.transport.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * How messages sit in the topic; described in this module's {@code FORMAT.md} and pinned by
 * {@code RecordLayoutTest}.
 *
 * <pre>
 * record   key = document id (UTF-8) · value = data
 * headers  n = sender id (UTF-8) · k = kind
 *          k "u": value is one Yjs update v1 (from a sync update or step 2 message)
 *          k "m": value is one whole y-protocols message (awareness, query awareness, ...)
 * partition = toPositive(murmur2(key)) % partitions, as Kafka's default partitioner picks for a
 *             keyed record: all of a document's records are in one partition, in order
 * </pre>
 */
final class RecordLayout {
  private RecordLayout() {}

  static final String SENDER = "n";
  static final String KIND = "k";
  static final byte[] KIND_UPDATE = bytes("u");
  static final byte[] KIND_MESSAGE = bytes("m");

  /** Control messages (awareness, queries) older than this are skipped when catching up. */
  static final long CONTROL_TTL_MILLIS = 30_000;

  static int partition(String document, int partitions) {
    return Utils.toPositive(Utils.murmur2(bytes(document))) % partitions;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
