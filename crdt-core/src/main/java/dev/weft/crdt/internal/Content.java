package dev.weft.crdt.internal;

import java.util.List;

/**
 * What an {@link Item} holds: a run of {@link #length()} units of one kind of content.
 *
 * <p>Runs change only by {@link #splice splitting} and {@link #mergeWith merging}; neither changes
 * what the document means, only how it is cut into structs. The ref of each kind is its tag on
 * the wire ({@link ContentRef}).
 */
public sealed interface Content
    permits DeletedContent, JsonContent, BinaryContent, StringContent, EmbedContent, FormatContent,
        TypeContent, AnyContent, DocContent {

  /** Number of clock units this content covers. */
  int length();

  /** Whether the content counts towards its parent's length (false for deleted and format). */
  boolean countable();

  /** The content ref written in the struct's info byte. */
  int ref();

  /** The values this content holds, one per unit for list-like contents. */
  List<Object> values();

  /** A copy that shares nothing mutable with this one. */
  Content copy();

  /**
   * Cuts this content at {@code offset}: this keeps {@code [0, offset)} and the returned content
   * holds the rest.
   */
  Content splice(int offset);

  /** Appends {@code right} to this content if both are of the same mergeable kind. */
  boolean mergeWith(Content right);

  /** Writes the content, leaving out its first {@code offset} units. */
  void write(UpdateEncoder encoder, int offset);

  /** Called when the owning item is integrated. */
  default void integrate(Txn txn, Item item) {}

  /** Called when the owning item is deleted. */
  default void delete(Txn txn) {}

  /** Called when the owning item's content is garbage-collected. */
  default void gc(StructStore store) {}
}
