package dev.weft.transport.store;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Snapshot;
import dev.weft.crdt.YArray;
import dev.weft.crdt.encoding.DecodingException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Named versions of stored documents: a version is a {@link Snapshot} (what existed and what was
 * deleted) with the time it was taken, kept next to the document's updates in the same
 * {@link DocumentStore}, so any store (files, memory, a shared archive) keeps history durably.
 *
 * <pre>{@code
 * VersionHistory history = new VersionHistory(store);
 * history.record("notes", "before review");       // snapshot of what the store holds now
 * ...
 * List<VersionHistory.Version> versions = history.versions("notes");
 * Doc then = history.read("notes", versions.get(0));  // the document as it was
 * }</pre>
 *
 * <h2>Layout</h2>
 * The versions of document {@code name} live in the store under {@code name + "/.versions"} (a
 * name no client can join, since room names are one path segment). That entry is itself a Yjs
 * document whose root array {@code versions} holds one map per version: {@code time}
 * (milliseconds since the epoch), {@code snapshot} (the snapshot's bytes, Yjs's
 * {@code encodeSnapshot}) and {@code label}. Recording appends an ordinary update, so versions
 * recorded concurrently by several processes merge, and the store's compaction applies to them.
 *
 * <h2>History needs the deleted content</h2>
 * Reading a version rebuilds the document from its stored updates with garbage collection off.
 * The updates a store keeps (each transaction's update, or merges of them) still carry content
 * that was deleted later, so any version can be read. Content inserted and deleted within one
 * transaction never reaches the store and is in no version.
 *
 * <p>Thread-safe.
 */
public final class VersionHistory {
  /** The suffix of the store entry holding a document's versions. */
  public static final String SUFFIX = "/.versions";

  /**
   * One recorded version.
   *
   * @param index its position in {@link #versions}, oldest first
   * @param time when it was recorded
   * @param label what the caller named it, or an empty string
   * @param snapshot the document's state at that time
   */
  public record Version(int index, Instant time, String label, Snapshot snapshot) {
    public Version {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }

  private final DocumentStore store;
  private final LongSupplier clock;

  /** Versions in {@code store}, timed by the system clock. */
  public VersionHistory(DocumentStore store) {
    this(store, System::currentTimeMillis);
  }

  /** Versions in {@code store}, timed by {@code millis} (milliseconds since the epoch). */
  public VersionHistory(DocumentStore store, LongSupplier millis) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(millis, "millis");
  }

  /** Records the current state of the stored document {@code name} as a version. */
  public Version record(String name, String label) throws IOException {
    return record(name, label, Snapshot.of(loadWithHistory(name)));
  }

  /**
   * Records {@code snapshot} (for example of a live document whose updates all reach the store)
   * as a version of {@code name}.
   */
  public synchronized Version record(String name, String label, Snapshot snapshot) throws IOException {
    Objects.requireNonNull(label, "label");
    Doc versions = loadVersions(name);
    long time = clock.getAsLong();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("time", time);
    entry.put("label", label);
    entry.put("snapshot", snapshot.encode());
    List<byte[]> update = new ArrayList<>(1);
    versions.onUpdate((u, origin, tx) -> update.add(u));
    YArray list = versions.getArray("versions");
    list.push(entry);
    for (byte[] u : update) {
      store.append(name + SUFFIX, u);
    }
    return new Version(list.length() - 1, Instant.ofEpochMilli(time), label, snapshot);
  }

  /** The recorded versions of {@code name}, in the order of their array (oldest first). */
  public synchronized List<Version> versions(String name) throws IOException {
    List<Version> out = new ArrayList<>();
    List<Object> entries = loadVersions(name).getArray("versions").toList();
    for (Object e : entries) {
      out.add(parse(out.size(), e));
    }
    return Collections.unmodifiableList(out);
  }

  /** The document {@code name} as it was at {@code version}, as a new document. */
  public Doc read(String name, Version version) throws IOException {
    return Snapshot.createDocFromSnapshot(loadWithHistory(name), version.snapshot());
  }

  /**
   * The stored document {@code name} with garbage collection off, holding everything ever
   * stored, to render versions against each other (for example with
   * {@code YText.toDelta(version, previous)}).
   */
  public Doc loadWithHistory(String name) throws IOException {
    Doc doc = new Doc();
    doc.setGc(false);
    for (byte[] u : store.load(name)) {
      doc.applyUpdate(u);
    }
    return doc;
  }

  private Doc loadVersions(String name) throws IOException {
    Doc doc = new Doc();
    for (byte[] u : store.load(name + SUFFIX)) {
      doc.applyUpdate(u);
    }
    return doc;
  }

  private static Version parse(int index, Object entry) {
    if (!(entry instanceof Map<?, ?> m) || !(m.get("time") instanceof Number t)
        || !(m.get("snapshot") instanceof byte[] bytes)) {
      throw new DecodingException(DecodingException.Reason.INCONSISTENT, 0,
          "version " + index + " is not {time, label, snapshot}: " + entry);
    }
    Object label = m.get("label");
    return new Version(index, Instant.ofEpochMilli(t.longValue()), label instanceof String s ? s : "",
        Snapshot.decode(bytes));
  }
}
