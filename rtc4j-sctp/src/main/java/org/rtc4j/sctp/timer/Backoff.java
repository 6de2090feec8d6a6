package org.rtc4j.sctp.timer;

/**
 * A retransmission timer's duration with exponential backoff (RFC 9260 §6.3.3 E2, §5.1 for T1):
 * each expiry doubles it up to a ceiling, and a fresh start returns to the base. Counts expiries so
 * that the caller can give up after a limit. Holds no clock: the caller turns durations into
 * deadlines.
 */
public final class Backoff {
  private final long max;
  private long base;
  private long current;
  private int expiries;

  /**
   * @param base the first duration, nanoseconds, positive
   * @param max the ceiling, at least {@code base}
   */
  public Backoff(long base, long max) {
    if (base <= 0 || max < base) {
      throw new IllegalArgumentException("need 0 < base <= max: " + base + ", " + max);
    }
    this.base = base;
    this.max = max;
    this.current = base;
  }

  /** The duration to wait now. */
  public long duration() {
    return current;
  }

  /** Starts over from {@code base} (for example the latest RTO), with no expiries counted. */
  public void reset(long newBase) {
    base = Math.min(Math.max(1, newBase), max);
    current = base;
    expiries = 0;
  }

  /** Records an expiry: the next duration doubles, up to the ceiling. */
  public void expired() {
    expiries++;
    current = current > max / 2 ? max : current * 2;
  }

  /** Expiries since the last reset. */
  public int expiries() {
    return expiries;
  }
}
