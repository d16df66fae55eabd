package dev.weft.benchmarks;

import java.lang.ref.Reference;

/**
 * One crdt-benchmarks workload, split the way that suite measures it: {@link #prepare} builds
 * everything the timed part needs (untimed); {@link Prepared#timed} is the part reported as
 * {@code time}; then the state is encoded and loaded into a fresh document. The JMH benchmarks
 * time {@link Prepared#timed} alone; {@link #run} produces every figure of the suite.
 */
interface Workload {
  String id();

  String title();

  Prepared prepare();

  /** A workload ready to run once. */
  interface Prepared {
    /** The measured part: the edits, their delivery, and the check of the result. */
    void timed();

    /** The update size as the suite reports it for this workload (after {@link #timed}). */
    long updateBytes();

    /** The document whose state is encoded. */
    Crdt source();

    /** Throws unless {@code loaded} (loaded from the encoded state) holds what it should. */
    void checkLoaded(Crdt loaded);
  }

  /** Runs the workload once and measures it as crdt-benchmarks does; {@code heap}: also memUsed. */
  default Figures run(boolean heap) {
    Prepared p = prepare();
    long start = System.nanoTime();
    p.timed();
    double time = Figures.millisSince(start);
    start = System.nanoTime();
    byte[] state = p.source().encodedState();
    double encode = Figures.millisSince(start);
    long before = heap ? Heap.used() : 0;
    start = System.nanoTime();
    Crdt loaded = Crdt.load(u -> {}, state);
    p.checkLoaded(loaded);
    double parse = Figures.millisSince(start);
    long mem = heap ? Heap.used() - before : 0;
    Reference.reachabilityFence(loaded);
    return new Figures(id(), title(), time, p.updateBytes(), encode, state.length, parse, mem);
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what + ": the documents do not hold the expected content");
    }
  }
}
