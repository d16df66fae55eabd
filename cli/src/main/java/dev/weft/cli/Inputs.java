package dev.weft.cli;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.crdt.encoding.DecodingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads update files in either format. {@code --format auto} (the default) takes a file as v1 if
 * it decodes whole as v1 and as v2 otherwise; {@code v1} or {@code v2} forces one. Every failure
 * names the file.
 */
final class Inputs {
  enum Format {
    AUTO, V1, V2
  }

  private Inputs() {}

  static Format format(Args a) {
    String f = a.one("--format");
    if (f == null || f.equals("auto")) {
      return Format.AUTO;
    }
    return switch (f) {
      case "v1" -> Format.V1;
      case "v2" -> Format.V2;
      default -> throw new UsageException("--format takes auto, v1 or v2, not " + f);
    };
  }

  static byte[] read(String file) {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage());
    }
  }

  /** The file's update, converted to v1 if it is v2. */
  static byte[] readV1(String file, Format format) {
    byte[] bytes = read(file);
    return guard(file, () -> {
      boolean v2 = switch (format) {
        case V1 -> false;
        case V2 -> true;
        case AUTO -> Updates.isUpdateV2(bytes);
      };
      if (v2) {
        return Updates.convertUpdateFormatV2ToV1(bytes);
      }
      Updates.encodeStateVectorFromUpdate(bytes); // checks the whole update
      return bytes;
    });
  }

  static List<byte[]> readAllV1(List<String> files, Format format) {
    List<byte[]> out = new ArrayList<>();
    for (String f : files) {
      out.add(readV1(f, format));
    }
    return out;
  }

  /** A fresh document with the files applied in order. */
  static Doc docOf(List<String> files, Format format) {
    Doc doc = new Doc(0);
    for (String f : files) {
      byte[] u = readV1(f, format);
      guard(f, () -> {
        doc.applyUpdate(u);
        return null;
      });
    }
    return doc;
  }

  static void write(String file, byte[] bytes) {
    try {
      Files.write(Path.of(file), bytes);
    } catch (IOException e) {
      throw new InputException(file + ": cannot write: " + e.getMessage());
    }
  }

  interface Work<T> {
    T run();
  }

  /** Runs {@code work}, turning a decoding failure into a one-line message naming the file. */
  static <T> T guard(String file, Work<T> work) {
    try {
      return work.run();
    } catch (DecodingException e) {
      throw new InputException(file + ": " + e.getMessage());
    }
  }
}
