package dev.weft.text;

import dev.weft.crdt.Doc;
import dev.weft.crdt.SharedType;
import dev.weft.crdt.Transaction;
import dev.weft.crdt.YEvent;
import dev.weft.crdt.internal.Branch;
import dev.weft.crdt.internal.SequenceOps;
import dev.weft.crdt.internal.Txn;
import dev.weft.crdt.internal.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A shared list of XML nodes ({@link YXmlElement}, {@link YXmlText}, {@link YXmlHook}): the root
 * of an XML tree, and the child list of every element.
 *
 * <p>A fragment or element created with its constructor is preliminary: its children are kept and
 * inserted, all at once, when it is inserted into a document (as Yjs does, so the items written are
 * the same).
 */
public class YXmlFragment extends SharedType {
  static {
    TextTypeProvider.ensureRegistered();
  }

  /** Children of a preliminary fragment; null once integrated. */
  private List<Object> prelimContent;

  /** A new, preliminary, empty fragment. */
  public YXmlFragment() {
    this(new Branch(TypeRef.XML_FRAGMENT, null), true);
  }

  /** The view of an existing branch. */
  YXmlFragment(Branch branch) {
    this(branch, false);
  }

  YXmlFragment(Branch branch, boolean preliminary) {
    super(branch);
    if (preliminary) {
      prelimContent = new ArrayList<>();
      branch.prelim = new ArrayList<>();
      branch.prelim.add(this::integratePreliminary);
    }
  }

  /** The root XML fragment named {@code name} in {@code doc}, created if needed. */
  public static YXmlFragment of(Doc doc, String name) {
    return doc.get(name, YXmlFragment.class);
  }

  /** Writes what was added before the fragment had a document. */
  void integratePreliminary(Txn txn) {
    List<Object> content = prelimContent;
    prelimContent = null;
    SequenceOps.insert(txn, branch(), 0, content);
  }

  final boolean preliminary() {
    return prelimContent != null;
  }

  /** Inserts nodes (new shared types) at {@code index}. */
  public void insert(int index, List<? extends SharedType> nodes) {
    List<Object> copy = new ArrayList<>(nodes);
    for (Object n : copy) {
      Objects.requireNonNull(n, "node");
    }
    if (preliminary()) {
      if (index < 0 || index > prelimContent.size()) {
        throw new IndexOutOfBoundsException("index=" + index + ", length=" + prelimContent.size());
      }
      prelimContent.addAll(index, copy);
      return;
    }
    edit(txn -> SequenceOps.insert(txn, branch(), index, copy));
  }

  /** Appends nodes at the end. */
  public void push(List<? extends SharedType> nodes) {
    insert(length(), nodes);
  }

  /** Deletes {@code length} children starting at {@code index}. */
  public void delete(int index, int length) {
    if (preliminary()) {
      prelimContent.subList(index, index + length).clear();
      return;
    }
    edit(txn -> SequenceOps.delete(txn, branch(), index, length));
  }

  /** The number of children. */
  public int length() {
    if (preliminary()) {
      return prelimContent.size();
    }
    requireIntegrated();
    return branch().length;
  }

  /** The child at {@code index}. */
  public Object get(int index) {
    requireIntegrated();
    return SequenceOps.get(branch(), index);
  }

  /** The children, in order. */
  public List<Object> toArray() {
    requireIntegrated();
    return SequenceOps.toList(branch());
  }

  /** The children as XML, concatenated (as Yjs's {@code toString}). */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object child : toArray()) {
      sb.append(JsValues.string(child));
    }
    return sb.toString();
  }

  /** The XML string, as Yjs's {@code toJSON}. */
  @Override
  public Object toJson() {
    return toString();
  }

  @Override
  protected YEvent createEvent(Transaction transaction, Set<String> keysChanged) {
    return new YXmlEvent(this, transaction, keysChanged);
  }
}
