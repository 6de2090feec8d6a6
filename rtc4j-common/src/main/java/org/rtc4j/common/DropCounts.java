package org.rtc4j.common;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts inputs that a state machine dropped, by reason. Bad input from the network is never
 * thrown; it is dropped and counted here, so that operators and tests can see it.
 *
 * @param <R> the enum of the owning layer's drop reasons
 */
public final class DropCounts<R extends Enum<R>> {
  private final Class<R> reasons;
  private final long[] counts;

  /** Counters for every constant of {@code reasons}, all at zero. */
  public DropCounts(Class<R> reasons) {
    this.reasons = reasons;
    this.counts = new long[reasons.getEnumConstants().length];
  }

  /** Counts one drop for {@code reason}. */
  public void increment(R reason) {
    counts[reason.ordinal()]++;
  }

  /** Drops counted for {@code reason}. */
  public long get(R reason) {
    return counts[reason.ordinal()];
  }

  /** Drops counted for every reason together. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** A snapshot of the non-zero counters. */
  public Map<R, Long> snapshot() {
    Map<R, Long> out = new EnumMap<>(reasons);
    for (R r : reasons.getEnumConstants()) {
      if (counts[r.ordinal()] != 0) {
        out.put(r, counts[r.ordinal()]);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }
}
