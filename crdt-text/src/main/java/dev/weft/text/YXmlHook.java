package dev.weft.text;

import dev.weft.crdt.SharedType;
import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.MapOps;
import dev.weft.crdt.internal.TypeRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A custom node in an XML tree: a map of values under a hook name, which an editor binding turns
 * into whatever DOM it wants (Yjs's {@code YXmlHook}, a {@code YMap} with a name).
 *
 * <p>Values set on a preliminary hook are kept in a map and written, in order of first setting,
 * when the hook is inserted into a document, as Yjs does.
 */
public final class YXmlHook extends SharedType {
  static {
    TextTypeProvider.ensureRegistered();
  }

  /** Entries of a preliminary hook; null once integrated. */
  private Map<String, Object> prelimContent;

  /** A new, preliminary hook. */
  public YXmlHook(String hookName) {
    super(new Branch(TypeRef.XML_HOOK, Objects.requireNonNull(hookName, "hookName")));
    prelimContent = new LinkedHashMap<>();
    branch().prelim = new java.util.ArrayList<>();
    branch().prelim.add(txn -> {
      Map<String, Object> entries = prelimContent;
      prelimContent = null;
      entries.forEach((k, v) -> MapOps.set(txn, branch(), k, v));
    });
  }

  YXmlHook(Branch branch) {
    super(branch);
  }

  /** The hook's name, as created. */
  public String hookName() {
    return branch().name;
  }

  public void set(String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (prelimContent != null) {
      prelimContent.put(key, value);
      return;
    }
    edit(txn -> MapOps.set(txn, branch(), key, value));
  }

  public void delete(String key) {
    if (prelimContent != null) {
      prelimContent.remove(key);
      return;
    }
    edit(txn -> MapOps.delete(txn, branch(), key));
  }

  public Object get(String key) {
    return entries().get(key);
  }

  public boolean has(String key) {
    return entries().containsKey(key);
  }

  public Set<String> keys() {
    return entries().keySet();
  }

  public int size() {
    return entries().size();
  }

  /** The entries, nested types as their objects. */
  public Map<String, Object> entries() {
    if (prelimContent != null) {
      return new LinkedHashMap<>(prelimContent);
    }
    requireIntegrated();
    return MapOps.entries(branch());
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    entries().forEach((k, v) -> out.put(k, v instanceof SharedType t ? t.toJson() : v));
    return out;
  }
}
