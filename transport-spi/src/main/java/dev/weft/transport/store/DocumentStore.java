package dev.weft.transport.store;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Durable storage of documents as the Yjs updates that built them. A document is the merge of its
 * updates, in any order; the store never needs to load a document to serve or compact it.
 *
 * <p><b>Acknowledgement.</b> When {@link #append} returns normally the update is acknowledged:
 * every later {@link #load}, by this process or any after a crash, returns it (or a compacted
 * update that contains it). Each implementation states how it makes that true; see {@link
 * FileDocumentStore} for the fsync policy.
 *
 * <p>Implementations are thread-safe.
 */
public interface DocumentStore extends Closeable {
  /**
   * Adds an update (Yjs update v1) to the document {@code name}, creating the document if needed.
   * Returns only once the update is durable by this store's standard.
   */
  void append(String name, byte[] update) throws IOException;

  /** Every update stored for {@code name}, oldest first; empty if there is no such document. */
  List<byte[]> load(String name) throws IOException;

  /**
   * Replaces the updates of {@code name} by their merge ({@code Updates.mergeUpdates}) so loading
   * is cheaper. The document's content is unchanged; does nothing for an unknown document.
   */
  void compact(String name) throws IOException;

  /** Releases files or connections. The default does nothing. */
  @Override
  default void close() throws IOException {}
}
