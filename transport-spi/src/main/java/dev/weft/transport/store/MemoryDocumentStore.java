package dev.weft.transport.store;

import dev.weft.crdt.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link DocumentStore} in the heap: acknowledged means "in this process's memory". For tests. */
public final class MemoryDocumentStore implements DocumentStore {
  private final Map<String, List<byte[]>> docs = new ConcurrentHashMap<>();

  @Override
  public void append(String name, byte[] update) {
    List<byte[]> log = docs.computeIfAbsent(name, k -> new ArrayList<>());
    synchronized (log) {
      log.add(update.clone());
    }
  }

  @Override
  public List<byte[]> load(String name) {
    List<byte[]> log = docs.get(name);
    if (log == null) {
      return List.of();
    }
    synchronized (log) {
      List<byte[]> out = new ArrayList<>(log.size());
      log.forEach(u -> out.add(u.clone()));
      return out;
    }
  }

  @Override
  public void compact(String name) {
    List<byte[]> log = docs.get(name);
    if (log == null) {
      return;
    }
    synchronized (log) {
      if (log.size() > 1) {
        byte[] merged = Updates.mergeUpdates(log);
        log.clear();
        log.add(merged);
      }
    }
  }

  /** How many updates {@code name} holds (1 after compaction). */
  public int size(String name) {
    List<byte[]> log = docs.get(name);
    if (log == null) {
      return 0;
    }
    synchronized (log) {
      return log.size();
    }
  }
}
