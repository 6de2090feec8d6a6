package org.rtc4j.common;

import java.util.Arrays;

/**
 * The deadlines of the timers one state machine owns, indexed by an enum of those timers.
 *
 * <p>A state machine keeps all of its deadlines here instead of in scattered fields, so that {@code
 * pollTimeout()} is simply {@link #earliest()} and {@code handleTimeout(now)} asks {@link
 * #expire(Enum, long)} for each timer. Allocates nothing after construction.
 *
 * @param <T> the enum of the timers
 */
public final class TimerTable<T extends Enum<T>> {
  private final T[] timers;
  private final long[] deadlines;

  /** A table for every constant of {@code timers}, none armed. */
  public TimerTable(Class<T> timers) {
    this.timers = timers.getEnumConstants();
    this.deadlines = new long[this.timers.length];
    Arrays.fill(deadlines, Time.NEVER);
  }

  /** Arms {@code timer} to fire at {@code deadline} ({@link Time#NEVER} disarms it). */
  public void set(T timer, long deadline) {
    deadlines[timer.ordinal()] = deadline;
  }

  /** Disarms {@code timer}. */
  public void stop(T timer) {
    deadlines[timer.ordinal()] = Time.NEVER;
  }

  /** The deadline of {@code timer}, or {@link Time#NEVER} if it is not armed. */
  public long get(T timer) {
    return deadlines[timer.ordinal()];
  }

  /** Whether {@code timer} is armed. */
  public boolean isArmed(T timer) {
    return deadlines[timer.ordinal()] != Time.NEVER;
  }

  /**
   * If {@code timer} is due at {@code nowNanos}, disarms it and returns true. The caller then does
   * what the timer is for, and may arm it again.
   */
  public boolean expire(T timer, long nowNanos) {
    int i = timer.ordinal();
    if (Time.isDue(deadlines[i], nowNanos)) {
      deadlines[i] = Time.NEVER;
      return true;
    }
    return false;
  }

  /** The earliest armed deadline, or {@link Time#NEVER}. */
  public long earliest() {
    long min = Time.NEVER;
    for (long d : deadlines) {
      min = Math.min(min, d);
    }
    return min;
  }

  /** The timer whose deadline is earliest, or {@code null} if none is armed. */
  public T next() {
    T best = null;
    long min = Time.NEVER;
    for (int i = 0; i < deadlines.length; i++) {
      if (deadlines[i] < min) {
        min = deadlines[i];
        best = timers[i];
      }
    }
    return best;
  }
}
