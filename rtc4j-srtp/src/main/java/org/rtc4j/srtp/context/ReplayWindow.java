package org.rtc4j.srtp.context;

/**
 * The replay list of one SSRC's SRTP or SRTCP context (RFC 3711 §3.3.2): the highest index received
 * and authenticated, and which of the {@code size} indices up to it were received.
 *
 * <p>An index is fresh if it is above the highest, or within the window and not yet seen; it is a
 * replay if seen, and too old if {@code size} or more below the highest. The bitmap is a ring over
 * the index: bit {@code index mod size}. {@link #isFresh} never changes the window; {@link #accept}
 * records a packet once it has been authenticated (§3.3: "the replay list is updated only after
 * authentication"). Allocates nothing after construction.
 */
public final class ReplayWindow {
  /** RFC 3711 §3.3.2: a window of at least 64 is required. */
  public static final int MIN_SIZE = 64;

  private final long[] bits;
  private final int size;
  private long highest = -1;

  /**
   * @param size how many indices the window spans: a power of two, at least 64
   */
  public ReplayWindow(int size) {
    if (size < MIN_SIZE || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("a replay window is a power of two >= 64, not " + size);
    }
    this.size = size;
    this.bits = new long[size >>> 6];
  }

  /** The highest index accepted, or -1 before the first. */
  public long highest() {
    return highest;
  }

  /** Whether {@code index} (non-negative) may be accepted: neither a replay nor too old. */
  public boolean isFresh(long index) {
    if (index > highest) {
      return true;
    }
    if (highest - index >= size) {
      return false;
    }
    return (bits[word(index)] & (1L << index)) == 0;
  }

  /** Records {@code index}, which {@link #isFresh} said was fresh, as received. */
  public void accept(long index) {
    if (index > highest) {
      clearAfterHighest(index);
      highest = index;
    }
    bits[word(index)] |= 1L << index;
  }

  /** Clears the bits of the indices highest+1 .. upTo, which leave the ring's far end. */
  private void clearAfterHighest(long upTo) {
    long from = highest + 1;
    if (upTo - from + 1 >= size) {
      java.util.Arrays.fill(bits, 0L);
      return;
    }
    for (long i = from; i <= upTo; ) {
      int w = word(i);
      int bit = (int) (i & 63);
      long remaining = upTo - i + 1;
      if (bit == 0 && remaining >= 64) {
        bits[w] = 0;
        i += 64;
      } else {
        bits[w] &= ~(1L << bit);
        i++;
      }
    }
  }

  private int word(long index) {
    return (int) (index >>> 6) & (bits.length - 1);
  }
}
