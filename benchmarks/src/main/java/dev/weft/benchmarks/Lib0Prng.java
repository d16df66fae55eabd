package dev.weft.benchmarks;

/**
 * The pseudo-random generator of lib0 ({@code lib0/prng}, a 32-bit-limb xoroshiro128+ seeded
 * through xorshift32), reimplemented so that the crdt-benchmarks inputs generated here are the very
 * inputs the JavaScript suite generates from {@code prng.create(42)}: same words, same positions,
 * same numbers. Every operation is done in the same IEEE doubles and 32-bit integers as in
 * JavaScript, so the sequences agree bit for bit (the side-by-side runner compares fingerprints of
 * the generated inputs to prove it).
 */
final class Lib0Prng {
  /** lib0's {@code binary.BITS32} (2^32 - 1); outputs are divided by it plus one. */
  private static final double BITS32 = 4294967295.0;
  private static final double TWO_POW_32 = 4294967296.0;

  private final int[] state = new int[4];
  private boolean fresh = true;

  Lib0Prng(int seed) {
    int x = seed;
    for (int i = 0; i < 4; i++) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      double unit = (x & 0xffffffffL) / TWO_POW_32;
      state[i] = (int) (long) Math.floor(unit * BITS32);
    }
  }

  /** A double in [0, 1); each call yields one 32-bit half of the 64-bit generator's output. */
  double next() {
    if (fresh) {
      fresh = false;
      return sumOf(state[0], state[2]);
    }
    fresh = true;
    int s0 = state[0];
    int s1 = state[1];
    int s2 = state[2] ^ s0;
    int s3 = state[3] ^ s1;
    state[0] = (s1 << 23 | s0 >>> 9) ^ s2 ^ (s2 << 14 | s3 >>> 18);
    state[1] = (s0 << 23 | s1 >>> 9) ^ s3 ^ (s3 << 14);
    state[2] = s3 << 4 | s2 >>> 28;
    state[3] = s2 << 4 | s3 >>> 28;
    return sumOf(state[1], state[3]);
  }

  private static double sumOf(int a, int b) {
    return ((a & 0xffffffffL) + (b & 0xffffffffL) & 0xffffffffL) / TWO_POW_32;
  }

  /** An integer in [min, max], as {@code prng.int32} (and {@code uint32}, {@code int31}). */
  int int32(int min, int max) {
    return (int) Math.floor(next() * ((double) max + 1 - min) + min);
  }

  /** As {@code prng.bool}. */
  boolean bool() {
    return next() >= 0.5;
  }

  /** As {@code prng.word}: {@code [minLen, maxLen]} letters a-z. */
  String word(int minLen, int maxLen) {
    int len = int32(minLen, maxLen);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append((char) int32(97, 122));
    }
    return sb.toString();
  }
}
