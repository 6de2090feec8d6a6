package org.rtc4j.srtp.context;

/**
 * The SRTP packet index from a 16-bit sequence number (RFC 3711 §3.3.1 and Appendix A): the
 * rollover counter (ROC) is guessed from the highest index seen so far, so that a packet a little
 * behind it, across a wrap of the sequence number, gets the ROC before the wrap, and one a little
 * ahead gets the ROC after it.
 */
public final class RolloverCounter {
  /** RFC 3711 §3.2.1: a packet index is 48 bits; ROC 2^32 − 1, SEQ 65535 is the last. */
  public static final long MAX_INDEX = (1L << 48) - 1;

  private RolloverCounter() {}

  /**
   * The index of a packet with sequence number {@code seq}, given the highest index {@code highest}
   * seen in the context (-1 for none: then the ROC is 0 and the index is SEQ, §3.3.1).
   *
   * @return the 48-bit index, or -1 if the guess falls outside 0 .. {@link #MAX_INDEX} (before the
   *     first rollover, or after the last)
   */
  public static long estimate(long highest, int seq) {
    if (highest < 0) {
      return seq;
    }
    long roc = highest >>> 16;
    int sl = (int) (highest & 0xFFFF);
    long v;
    // RFC 3711 Appendix A, with s_l the highest sequence number and ROC its rollover counter.
    if (sl < 0x8000) {
      v = seq - sl > 0x8000 ? roc - 1 : roc;
    } else {
      v = sl - 0x8000 > seq ? roc + 1 : roc;
    }
    if (v < 0 || v > 0xFFFFFFFFL) {
      return -1;
    }
    return (v << 16) | seq;
  }
}
