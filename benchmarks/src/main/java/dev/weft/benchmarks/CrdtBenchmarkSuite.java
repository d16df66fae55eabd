package dev.weft.benchmarks;

import static dev.weft.benchmarks.Workload.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crdt-benchmarks suite (dmonad/crdt-benchmarks, {@code js-lib/b1.js} to {@code b4.js}) on
 * Weft, each workload set up as that suite's templates set it up, against a {@link Crdt} that,
 * like the suite's Yjs adapter, uses update format v2:
 * <ul>
 *   <li>B1: one document applies the inputs (each edit its own transaction), a second applies
 *       all the first's updates; timed together with the check.
 *   <li>B2: two documents wired to each other (an update applied remotely is not sent back); each
 *       makes its edits in one transaction, which the other applies; timed with the check.
 *   <li>B3: 20·√N clients make one change each; client 0 applies all updates untimed, then the
 *       timed part is client 1 applying them all in one transaction.
 *   <li>B4: the automerge-paper trace, a delete and an insert per patch as separate transactions
 *       (B4x100: the same patches applied 100 times over into one document).
 * </ul>
 */
final class CrdtBenchmarkSuite {
  static final int CLIENTS = (int) Math.floor(Math.sqrt(SuiteInputs.N)) * 20;

  private CrdtBenchmarkSuite() {}

  /** Every B1, B2 and B3 workload, in the suite's order. */
  static List<Workload> b1b2b3(SuiteInputs inputs) {
    List<Workload> all = new ArrayList<>();
    inputs.b1.forEach(w -> all.add(b1(w)));
    inputs.b2.forEach(w -> all.add(b2(w, inputs.initText)));
    for (Clients c : Clients.values()) {
      all.add(b3(c));
    }
    return all;
  }

  private abstract static class Base implements Workload {
    private final String id;
    private final String title;

    Base(String id, String title) {
      this.id = id;
      this.title = title;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String title() {
      return title;
    }
  }

  static Workload b1(SuiteInputs.Single w) {
    return new Base(w.id(), w.title()) {
      @Override
      public Prepared prepare() {
        List<byte[]> updates = new ArrayList<>();
        Crdt doc2 = new Crdt(u -> {});
        Crdt doc1 = new Crdt(updates::add);
        return new Prepared() {
          @Override
          public void timed() {
            for (List<Op> input : w.inputs()) {
              for (Op op : input) {
                doc1.apply(op);
              }
            }
            for (byte[] u : updates) {
              doc2.applyUpdate(u);
            }
            same(doc1, doc2);
          }

          private void same(Crdt a, Crdt b) {
            if (w.expected() instanceof String s) {
              check(a.text().equals(b.text()) && a.text().equals(s), w.id());
            } else {
              check(a.array().equals(b.array()) && a.array().equals(w.expected()), w.id());
            }
          }

          @Override
          public long updateBytes() {
            return Math.round(updates.stream().mapToLong(u -> u.length).sum() / (double) w.inputs().size());
          }

          @Override
          public Crdt source() {
            return doc1;
          }

          @Override
          public void checkLoaded(Crdt loaded) {
            same(doc2, loaded);
          }
        };
      }
    };
  }

  static Workload b2(SuiteInputs.Pair w, String initText) {
    return new Base(w.id(), w.title()) {
      @Override
      public Prepared prepare() {
        long[] updateBytes = {0};
        boolean[] busy = {false};
        Crdt[] docs = new Crdt[2];
        for (int i = 0; i < 2; i++) {
          int other = 1 - i;
          docs[i] = new Crdt(u -> {
            if (!busy[0]) {
              busy[0] = true;
              updateBytes[0] += u.length;
              docs[other].applyUpdate(u);
              busy[0] = false;
            }
          });
        }
        docs[0].insertText(0, initText);
        return new Prepared() {
          @Override
          public void timed() {
            docs[0].transact(() -> w.first().forEach(docs[0]::apply));
            docs[1].transact(() -> w.second().forEach(docs[1]::apply));
            same(docs[0], docs[1]);
          }

          private void same(Crdt a, Crdt b) {
            String text = a.text();
            check(text.equals(b.text()) && (w.expectedLength() < 0 || text.length() == w.expectedLength()), w.id());
          }

          @Override
          public long updateBytes() {
            return Math.round(updateBytes[0] / 2.0);
          }

          @Override
          public Crdt source() {
            return docs[0];
          }

          @Override
          public void checkLoaded(Crdt loaded) {
            same(loaded, docs[1]);
          }
        };
      }
    };
  }

  /** The B3 workloads: what client {@code i} does. */
  enum Clients {
    SET_NUMBER_IN_MAP("B3.1", "20√N clients concurrently set number in Map"),
    SET_OBJECT_IN_MAP("B3.2", "20√N clients concurrently set Object in Map"),
    SET_STRING_IN_MAP("B3.3", "20√N clients concurrently set String in Map"),
    INSERT_INTO_ARRAY("B3.4", "20√N clients concurrently insert text in Array"),
    INSERT_INTO_TEXT("B3.5", "20√N clients concurrently insert text");

    final String id;
    final String title;

    Clients(String id, String title) {
      this.id = id;
      this.title = title;
    }

    void change(Crdt doc, int i) {
      switch (this) {
        case SET_NUMBER_IN_MAP -> doc.setMap("v", i);
        case SET_OBJECT_IN_MAP -> {
          Map<String, Object> user = new LinkedHashMap<>();
          user.put("name", Integer.toString(i));
          user.put("address", "here");
          doc.setMap("v", user);
        }
        case SET_STRING_IN_MAP -> doc.setMap("v", Integer.toString(i).repeat(CLIENTS));
        case INSERT_INTO_ARRAY -> doc.insertArray(0, List.of(Integer.toString(i)));
        case INSERT_INTO_TEXT -> doc.insertText(0, Integer.toString(i));
        default -> throw new IllegalStateException(name());
      }
    }

    boolean same(Crdt a, Crdt b) {
      return switch (this) {
        case SET_NUMBER_IN_MAP, SET_OBJECT_IN_MAP, SET_STRING_IN_MAP -> a.map().equals(b.map());
        case INSERT_INTO_ARRAY -> a.array().equals(b.array());
        case INSERT_INTO_TEXT -> a.text().equals(b.text());
      };
    }
  }

  static Workload b3(Clients c) {
    return new Base(c.id, c.title) {
      @Override
      public Prepared prepare() {
        List<byte[]> updates = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          c.change(new Crdt(updates::add), i);
        }
        check(updates.size() >= CLIENTS, c.id);
        Crdt doc0 = new Crdt(u -> {});
        Crdt doc1 = new Crdt(u -> {});
        doc0.transact(() -> updates.forEach(doc0::applyUpdate));
        return new Prepared() {
          @Override
          public void timed() {
            doc1.transact(() -> updates.forEach(doc1::applyUpdate));
            check(c.same(doc0, doc1), c.id);
          }

          @Override
          public long updateBytes() {
            return updates.stream().mapToLong(u -> u.length).sum();
          }

          @Override
          public Crdt source() {
            return doc0;
          }

          @Override
          public void checkLoaded(Crdt loaded) {
            check(c.same(loaded, doc0), c.id);
          }
        };
      }
    };
  }

  /** B4 ({@code times} = 1) or B4x100 ({@code times} = 100) over {@code patches}. */
  static Workload b4(EditingTrace trace, int times) {
    String id = times == 1 ? "B4" : "B4x" + times;
    String title = times == 1 ? "Apply real-world editing dataset" : "Apply real-world editing dataset " + times + " times";
    return new Base(id, title) {
      @Override
      public Prepared prepare() {
        Crdt doc = new Crdt(u -> {});
        return new Prepared() {
          @Override
          public void timed() {
            long start = System.nanoTime();
            for (int t = 0; t < times; t++) {
              trace.applyTo(doc);
              if (times > 1 && (t + 1) % 5 == 0) {
                // as crdt-benchmarks reports "Finished x%", so that a run cut short says how far it got
                System.err.printf("%s: finished %d of %d in %.0f ms%n", id, t + 1, times, Figures.millisSince(start));
              }
            }
            check(times != 1 || doc.text().equals(trace.endContent()), id);
          }

          @Override
          public long updateBytes() {
            return 0;
          }

          @Override
          public Crdt source() {
            return doc;
          }

          @Override
          public void checkLoaded(Crdt loaded) {
            check(times != 1 || loaded.text().equals(trace.endContent()), id);
          }
        };
      }
    };
  }
}
