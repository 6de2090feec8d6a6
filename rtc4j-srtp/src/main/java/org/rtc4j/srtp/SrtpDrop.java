package org.rtc4j.srtp;

/**
 * Why {@link SrtpSession} refused a received SRTP or SRTCP packet. The unprotect methods return it
 * encoded as a negative number, {@link #result()}, and count it in {@link SrtpSession#drops()};
 * they never throw for what arrives from the network.
 */
public enum SrtpDrop {
  /**
   * Not an RTP or RTCP packet of version 2, or too short for its header (CSRCs and header extension
   * included) and the profile's trailer.
   */
  MALFORMED,
  /** The authentication tag did not verify: tampered, truncated, or not under these keys. */
  AUTHENTICATION_FAILED,
  /**
   * The index was received before, or lies behind the replay window (RFC 3711 §3.3.2), or its
   * estimated rollover counter falls outside 0 .. 2^32 − 1 (before the stream's first packet, or
   * past the last index the keys may protect).
   */
  REPLAYED,
  /** A new SSRC when the session already holds contexts for {@link SrtpConfig#maxSsrcs()}. */
  SSRC_LIMIT;

  private static final SrtpDrop[] VALUES = values();

  /** This drop as an unprotect method returns it: -1 for the first constant, -2, ... */
  public int result() {
    return -1 - ordinal();
  }

  /**
   * The drop an unprotect method's negative result stands for.
   *
   * @throws IllegalArgumentException if {@code result} is not one
   */
  public static SrtpDrop fromResult(int result) {
    int i = -1 - result;
    if (i < 0 || i >= VALUES.length) {
      throw new IllegalArgumentException("not a drop: " + result);
    }
    return VALUES[i];
  }
}
