package org.rtc4j.common;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Where a state machine gets its randomness: credentials, transaction ids, tags, keys.
 *
 * <p>It is injected, never created inside the stack, so that a test can replay a whole call.
 * Production code uses {@link #secure()}; tests use {@link #seeded(long)}. Like the state machines
 * that use it, an instance is not thread-safe and belongs to one owner thread.
 */
public interface RandomSource {

  /** Fills {@code out} with random bytes. */
  void nextBytes(byte[] out);

  /** A uniformly random {@code long}. */
  long nextLong();

  /**
   * A uniformly random {@code int} in {@code [0, bound)}.
   *
   * @throws IllegalArgumentException if {@code bound <= 0}
   */
  int nextInt(int bound);

  /** A uniformly random {@code double} in {@code [0, 1)}. */
  double nextDouble();

  /** A random source backed by the platform's {@link SecureRandom}; use it in production. */
  static RandomSource secure() {
    return of(new SecureRandom());
  }

  /**
   * A random source backed by {@code random}.
   *
   * @param random any JDK random generator; {@link SecureRandom} for anything secret
   */
  static RandomSource of(java.util.Random random) {
    return new RandomSource() {
      @Override
      public void nextBytes(byte[] out) {
        random.nextBytes(out);
      }

      @Override
      public long nextLong() {
        return random.nextLong();
      }

      @Override
      public int nextInt(int bound) {
        return random.nextInt(bound);
      }

      @Override
      public double nextDouble() {
        return random.nextDouble();
      }
    };
  }

  /**
   * A deterministic random source: the same seed gives the same sequence on every JVM. For tests
   * and simulations only; never for keys or credentials of a real call.
   */
  static RandomSource seeded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return new RandomSource() {
      @Override
      public void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; ) {
          long word = random.nextLong();
          for (int b = 0; b < Long.BYTES && i < out.length; b++, word >>>= 8) {
            out[i++] = (byte) word;
          }
        }
      }

      @Override
      public long nextLong() {
        return random.nextLong();
      }

      @Override
      public int nextInt(int bound) {
        if (bound <= 0) {
          throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return random.nextInt(bound);
      }

      @Override
      public double nextDouble() {
        return random.nextDouble();
      }
    };
  }
}
