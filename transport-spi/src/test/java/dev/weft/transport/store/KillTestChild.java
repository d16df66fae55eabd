package dev.weft.transport.store;

import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link KillTest} kills: appends the updates of {@link FileDocumentStoreTest#updates}
 * to a file store one by one and prints {@code ack i} after append {@code i} returned.
 */
public final class KillTestChild {
  private KillTestChild() {}

  public static void main(String[] args) throws Exception {
    List<byte[]> updates = FileDocumentStoreTest.updates(Integer.parseInt(args[1]));
    try (FileDocumentStore store = new FileDocumentStore(Path.of(args[0]))) {
      for (int i = 0; i < updates.size(); i++) {
        store.append("doc", updates.get(i));
        System.out.println("ack " + i);
        System.out.flush();
      }
    }
  }
}
