package dev.weft.examples.collab;

import dev.weft.transport.server.SyncHub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which names a document may have, and which documents exist. A name is one URL path segment
 * (y-websocket appends it to the server URL as it is): letters, digits, {@code _}, {@code -} and
 * {@code .}, not starting with a dot, at most 100 characters.
 */
final class DocumentNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
  private static final String LOG = ".log";

  private DocumentNames() {}

  static boolean isValid(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * The documents in the store directory {@code dir} (FileDocumentStore's {@code NAME.log} files,
   * whose names escape bytes as {@code %XX}) and those the hub holds in memory.
   */
  static Set<String> known(Path dir, SyncHub hub) throws IOException {
    Set<String> names = new TreeSet<>(hub.loadedDocuments());
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + LOG)) {
        for (Path f : files) {
          String file = f.getFileName().toString();
          String name = unescape(file.substring(0, file.length() - LOG.length()));
          if (isValid(name)) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  /** Undoes the store's file-name escaping; null if {@code file} is not such a name. */
  static String unescape(String file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < file.length(); i++) {
      char c = file.charAt(i);
      if (c == '%') {
        if (i + 2 >= file.length()) {
          return null;
        }
        int hi = Character.digit(file.charAt(i + 1), 16);
        int lo = Character.digit(file.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        return null;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
