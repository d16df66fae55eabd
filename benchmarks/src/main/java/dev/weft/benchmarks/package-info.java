/**
 * Benchmarks of Weft over its public API: JMH benchmarks ({@link dev.weft.benchmarks.CrdtSuiteBenchmark},
 * {@link dev.weft.benchmarks.TraceBenchmark}, {@link dev.weft.benchmarks.ConcurrentTraceBenchmark})
 * and the Weft half of the side-by-side comparison with Yjs and diamond-types
 * ({@link dev.weft.benchmarks.SideBySide}). See {@code benchmarks/README.md}.
 */
package dev.weft.benchmarks;
