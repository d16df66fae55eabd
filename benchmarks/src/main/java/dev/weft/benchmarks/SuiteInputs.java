package dev.weft.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The inputs of crdt-benchmarks B1 and B2 (dmonad/crdt-benchmarks, {@code js-lib/b1.js},
 * {@code b2.js}), generated from one lib0 generator seeded with 42 in the order that suite draws
 * them: B2's 100-letter initial text first (drawn when its module loads), then B1.1 to B1.11, then
 * B2.1 to B2.4. N is 6000. B3 and B4 draw nothing.
 */
final class SuiteInputs {
  static final int N = 6000;
  private static final int MAX_NUMBER = 0x7fffffff;

  /** A B1 workload: inputs applied to one document (one change per input), and the expected end. */
  record Single(String id, String title, List<List<Op>> inputs, Object expected) {}

  /** A B2 workload: each document's edits (one transaction each), and the expected length or -1. */
  record Pair(String id, String title, List<Op> first, List<Op> second, int expectedLength) {}

  final String initText;
  final List<Single> b1 = new ArrayList<>();
  final List<Pair> b2 = new ArrayList<>();

  private final Lib0Prng gen = new Lib0Prng(42);

  SuiteInputs() {
    initText = gen.word(100, 100);
    textB1();
    numbersB1();
    concurrentB2();
  }

  private void textB1() {
    String s = gen.word(N, N);
    List<List<Op>> in = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      in.add(List.of(new Op.InsertText(i, s.substring(i, i + 1))));
    }
    b1.add(new Single("B1.1", "Append N characters", in, s));

    s = gen.word(N, N);
    b1.add(new Single("B1.2", "Insert string of length N", List.of(List.of(new Op.InsertText(0, s))), s));

    s = gen.word(N, N);
    in = new ArrayList<>();
    for (int i = s.length() - 1; i >= 0; i--) {
      in.add(List.of(new Op.InsertText(0, s.substring(i, i + 1))));
    }
    b1.add(new Single("B1.3", "Prepend N characters", in, s));

    StringBuilder sb = new StringBuilder();
    in = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      int index = gen.int32(0, sb.length());
      String insert = gen.word(1, 1);
      sb.insert(index, insert);
      in.add(List.of(new Op.InsertText(index, insert)));
    }
    b1.add(new Single("B1.4", "Insert N characters at random positions", in, sb.toString()));

    sb = new StringBuilder();
    in = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      int index = gen.int32(0, sb.length());
      String insert = gen.word(2, 10);
      sb.insert(index, insert);
      in.add(List.of(new Op.InsertText(index, insert)));
    }
    b1.add(new Single("B1.5", "Insert N words at random positions", in, sb.toString()));

    s = gen.word(N, N);
    b1.add(new Single("B1.6", "Insert string, then delete it",
        List.of(List.of(new Op.InsertText(0, s), new Op.DeleteText(0, s.length()))), ""));

    sb = new StringBuilder();
    in = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      in.add(List.of(insertOrDelete(sb, gen.int32(0, sb.length()))));
    }
    b1.add(new Single("B1.7", "Insert/Delete strings at random positions", in, sb.toString()));
  }

  /** B1.7's and B2.4's choice: insert a 2-10 letter word, or delete 1-9 characters. */
  private Op insertOrDelete(StringBuilder sb, int index) {
    if (sb.length() == index || gen.bool()) {
      String insert = gen.word(2, 10);
      sb.insert(index, insert);
      return new Op.InsertText(index, insert);
    }
    int count = gen.int32(1, Math.min(9, sb.length() - index));
    sb.delete(index, index + count);
    return new Op.DeleteText(index, count);
  }

  private List<Object> numbers() {
    List<Object> numbers = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      numbers.add(gen.int32(0, MAX_NUMBER));
    }
    return numbers;
  }

  private void numbersB1() {
    List<Object> numbers = numbers();
    List<List<Op>> in = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      in.add(List.of(new Op.InsertArray(i, List.of(numbers.get(i)))));
    }
    b1.add(new Single("B1.8", "Append N numbers", in, numbers));

    numbers = numbers();
    b1.add(new Single("B1.9", "Insert Array of N numbers", List.of(List.of(new Op.InsertArray(0, numbers))), numbers));

    numbers = numbers();
    in = new ArrayList<>();
    for (Object n : numbers) {
      in.add(List.of(new Op.InsertArray(0, List.of(n))));
    }
    List<Object> reversed = new ArrayList<>(numbers);
    Collections.reverse(reversed);
    b1.add(new Single("B1.10", "Prepend N numbers", in, reversed));

    List<Object> expected = new ArrayList<>();
    in = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      int index = gen.int32(0, expected.size());
      Object insert = gen.int32(0, MAX_NUMBER);
      expected.add(index, insert);
      in.add(List.of(new Op.InsertArray(index, List.of(insert))));
    }
    b1.add(new Single("B1.11", "Insert N numbers at random positions", in, expected));
  }

  private void concurrentB2() {
    String s1 = gen.word(N, N);
    String s2 = gen.word(N, N);
    b2.add(new Pair("B2.1", "Concurrently insert string of length N at index 0",
        List.of(new Op.InsertText(0, s1)), List.of(new Op.InsertText(0, s2)), N * 2 + 100));
    List<Op> a = randomInserts(1, 1);
    b2.add(new Pair("B2.2", "Concurrently insert N characters at random positions", a, randomInserts(1, 1), N * 2 + 100));
    a = randomInserts(3, 9);
    b2.add(new Pair("B2.3", "Concurrently insert N words at random positions", a, randomInserts(3, 9), -1));
    a = insertsAndDeletes();
    b2.add(new Pair("B2.4", "Concurrently insert & delete", a, insertsAndDeletes(), -1));
  }

  private List<Op> randomInserts(int minLen, int maxLen) {
    StringBuilder sb = new StringBuilder(initText);
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      int index = gen.int32(0, sb.length());
      String insert = gen.word(minLen, maxLen);
      sb.insert(index, insert);
      ops.add(new Op.InsertText(index, insert));
    }
    return ops;
  }

  private List<Op> insertsAndDeletes() {
    StringBuilder sb = new StringBuilder(initText);
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      int index = gen.int32(0, sb.length());
      String insert = gen.word(3, 9);
      sb.insert(index, insert);
      ops.add(new Op.InsertText(index, insert));
      ops.add(insertOrDelete(sb, index));
    }
    return ops;
  }

  /**
   * A digest of every input (32-bit FNV-1a over a canonical text of them), computed the same way by
   * the JavaScript runner over the inputs lib0 gives it: equal digests mean equal workloads.
   */
  String fingerprint() {
    StringBuilder all = new StringBuilder(initText);
    for (Single s : b1) {
      all.append('|');
      if (s.expected() instanceof List<?> l) {
        l.forEach(x -> all.append(x).append(','));
      } else {
        all.append(s.expected());
      }
    }
    for (Pair p : b2) {
      for (List<Op> ops : List.of(p.first(), p.second())) {
        all.append('|');
        for (Op op : ops) {
          if (op instanceof Op.InsertText t) {
            all.append(t.index()).append('+').append(t.text()).append(',');
          } else if (op instanceof Op.DeleteText d) {
            all.append(d.index()).append('-').append(d.length()).append(',');
          }
        }
      }
    }
    int h = 0x811c9dc5;
    for (int i = 0; i < all.length(); i++) {
      h = (h ^ all.charAt(i)) * 16777619;
    }
    return String.format("%08x", h);
  }
}
