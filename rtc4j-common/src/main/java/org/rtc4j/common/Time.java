package org.rtc4j.common;

import java.util.concurrent.TimeUnit;

/**
 * The time convention: a monotonic {@code long} in nanoseconds on the caller's clock.
 *
 * <p>Nothing in rtc4j reads a clock; the caller passes {@code nowNanos} into every call. These
 * helpers keep deadline arithmetic in one place so that it never overflows.
 */
public final class Time {
  /** The deadline that never comes: {@code pollTimeout()} returns it when nothing is pending. */
  public static final long NEVER = Long.MAX_VALUE;

  private Time() {}

  /**
   * {@code nowNanos + durationNanos}, saturating at {@link #NEVER} instead of overflowing.
   *
   * @throws IllegalArgumentException if the duration is negative
   */
  public static long after(long nowNanos, long durationNanos) {
    if (durationNanos < 0) {
      throw new IllegalArgumentException("negative duration: " + durationNanos);
    }
    long sum = nowNanos + durationNanos;
    return sum < nowNanos ? NEVER : sum; // a non-negative addend overflowed
  }

  /** Whether {@code deadline} has come at {@code nowNanos}. {@link #NEVER} never comes. */
  public static boolean isDue(long deadline, long nowNanos) {
    return deadline != NEVER && deadline <= nowNanos;
  }

  /** Milliseconds as nanoseconds. */
  public static long millis(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** Seconds as nanoseconds. */
  public static long seconds(long seconds) {
    return TimeUnit.SECONDS.toNanos(seconds);
  }

  /** Microseconds as nanoseconds. */
  public static long micros(long micros) {
    return TimeUnit.MICROSECONDS.toNanos(micros);
  }
}
