package dev.weft.benchmarks;

import java.util.List;

/** One edit of a crdt-benchmarks input; each one is its own transaction unless a workload groups them. */
sealed interface Op {
  /** Inserts {@code text} at {@code index} of the text. */
  record InsertText(int index, String text) implements Op {}

  /** Deletes {@code length} characters at {@code index} of the text. */
  record DeleteText(int index, int length) implements Op {}

  /** Inserts {@code values} at {@code index} of the array. */
  record InsertArray(int index, List<Object> values) implements Op {}
}
