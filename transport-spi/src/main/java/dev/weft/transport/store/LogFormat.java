package dev.weft.transport.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The bytes of a document log, and how to read them back after a crash.
 *
 * <pre>
 * file   := header · record*
 * header := "WEFTLOG" · 0x01                      (8 bytes: magic and format version)
 * record := u32 length · u32 crc · payload         (big-endian; length = payload bytes, 1..2^28)
 *           crc = CRC32C(length bytes · payload)
 * </pre>
 *
 * <b>Recovery.</b> Records are appended one at a time and fsynced before the append is
 * acknowledged, so only the last record can be incomplete after a crash. A record is <em>torn</em>
 * when it does not fit in the file, when its checksum fails and it ends exactly at the end of the
 * file, or when everything from it to the end is zero (a file extended but not written). A torn
 * record was never acknowledged and is dropped. Any other bad record is corruption of acknowledged
 * data and is reported, never skipped.
 */
final class LogFormat {
  private LogFormat() {}

  static final byte[] HEADER = "WEFTLOG\u0001".getBytes(StandardCharsets.US_ASCII);
  static final int RECORD_OVERHEAD = 8;
  static final int MAX_PAYLOAD = 1 << 28;

  /** What a scan found: the intact records and where the valid prefix of the file ends. */
  record Scan(List<byte[]> records, long validEnd, boolean headerMissing) {}

  static byte[] record(byte[] payload) {
    if (payload.length < 1 || payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("update size must be in [1, 2^28]: size=" + payload.length);
    }
    ByteBuffer b = ByteBuffer.allocate(RECORD_OVERHEAD + payload.length);
    b.putInt(payload.length);
    b.putInt(crc(payload.length, payload, 0));
    b.put(payload);
    return b.array();
  }

  static int crc(int length, byte[] buf, int from) {
    CRC32C c = new CRC32C();
    c.update(ByteBuffer.allocate(4).putInt(length).array());
    c.update(buf, from, length);
    return (int) c.getValue();
  }

  /** Reads a whole log file's bytes. */
  static Scan scan(Path file, byte[] bytes) throws CorruptLogException {
    if (bytes.length < HEADER.length) {
      if (!Arrays.equals(bytes, 0, bytes.length, HEADER, 0, bytes.length)) {
        throw new CorruptLogException(file, 0, "not a weft log (bad header)");
      }
      return new Scan(List.of(), 0, true); // crashed while creating: no record was ever acknowledged
    }
    if (!Arrays.equals(bytes, 0, HEADER.length, HEADER, 0, HEADER.length)) {
      throw new CorruptLogException(file, 0, "not a weft log (bad header)");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    List<byte[]> records = new ArrayList<>();
    int pos = HEADER.length;
    while (pos < bytes.length) {
      if (bytes.length - pos < RECORD_OVERHEAD) {
        break; // torn inside the record header
      }
      int length = b.getInt(pos);
      int crc = b.getInt(pos + 4);
      long end = (long) pos + RECORD_OVERHEAD + (length & 0xffffffffL);
      if (end > bytes.length) {
        break; // torn: the record does not fit
      }
      boolean plausible = length >= 1 && length <= MAX_PAYLOAD;
      if (plausible && crc(length, bytes, pos + RECORD_OVERHEAD) == crc) {
        records.add(Arrays.copyOfRange(bytes, pos + RECORD_OVERHEAD, (int) end));
        pos = (int) end;
        continue;
      }
      if ((plausible && end == bytes.length) || zeroFrom(bytes, pos)) {
        break; // torn: the last write did not reach the disk whole
      }
      throw new CorruptLogException(file, pos, "record fails its checksum and is not the last one");
    }
    return new Scan(records, pos, false);
  }

  private static boolean zeroFrom(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
