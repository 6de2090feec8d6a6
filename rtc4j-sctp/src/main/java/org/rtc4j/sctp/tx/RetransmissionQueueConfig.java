package org.rtc4j.sctp.tx;

/**
 * How a {@link RetransmissionQueue} sends: the sizes it counts in, its first congestion window, how
 * much it holds at most, and whether the peer does PR-SCTP.
 *
 * @param mtu the path MTU: the largest SCTP packet, in bytes
 * @param dataChunkHeaderSize the header of one fragment: 16 bytes for DATA (RFC 9260 §3.3.1), 20
 *     for I-DATA (RFC 8260 §2.1)
 * @param initialCwnd the first congestion window, in bytes
 * @param maxHeldBytes the most bytes of chunks the queue holds: in flight, acknowledged by gap ack
 *     blocks only (which the peer may still renege on), marked for retransmission or abandoned. No
 *     new data is taken from the source beyond it, so that a peer that acknowledges everything but
 *     the first TSN while advertising a huge window cannot make the queue grow without bound
 * @param partialReliability whether both ends support PR-SCTP (RFC 3758 §3.3): without it the
 *     fragments' retransmission and lifetime limits are ignored and nothing is abandoned
 */
public record RetransmissionQueueConfig(
    int mtu,
    int dataChunkHeaderSize,
    long initialCwnd,
    long maxHeldBytes,
    boolean partialReliability) {
  /** The default {@link #maxHeldBytes()}: 16 MiB, a 1 Gbit/s path with 130 ms of round trip. */
  public static final long DEFAULT_MAX_HELD_BYTES = 16L << 20;

  /** The smallest MTU accepted: far below any real path's, but room for headers and payload. */
  public static final int MIN_MTU = 256;

  /**
   * @throws IllegalArgumentException if the MTU is below {@link #MIN_MTU} or above 65535, the
   *     header size is neither 16 nor 20, the initial cwnd is not positive, or {@code maxHeldBytes}
   *     is less than one MTU
   */
  public RetransmissionQueueConfig {
    if (mtu < MIN_MTU || mtu > 0xFFFF) {
      throw new IllegalArgumentException("mtu " + mtu);
    }
    if (dataChunkHeaderSize != 16 && dataChunkHeaderSize != 20) {
      throw new IllegalArgumentException("data chunk header " + dataChunkHeaderSize);
    }
    if (initialCwnd <= 0) {
      throw new IllegalArgumentException("initial cwnd " + initialCwnd);
    }
    if (maxHeldBytes < mtu) {
      throw new IllegalArgumentException("max held bytes " + maxHeldBytes + " < mtu " + mtu);
    }
  }

  /**
   * RFC 9260's initial cwnd ({@link CongestionControl#initialCwnd(int)}), {@link
   * #DEFAULT_MAX_HELD_BYTES}, and PR-SCTP on.
   */
  public static RetransmissionQueueConfig of(int mtu, int dataChunkHeaderSize) {
    return new RetransmissionQueueConfig(
        mtu, dataChunkHeaderSize, CongestionControl.initialCwnd(mtu), DEFAULT_MAX_HELD_BYTES, true);
  }

  /** This configuration with another initial cwnd (dcSCTP starts at 10 MTUs). */
  public RetransmissionQueueConfig withInitialCwnd(long bytes) {
    return new RetransmissionQueueConfig(
        mtu, dataChunkHeaderSize, bytes, maxHeldBytes, partialReliability);
  }

  /** This configuration with another bound on held bytes. */
  public RetransmissionQueueConfig withMaxHeldBytes(long bytes) {
    return new RetransmissionQueueConfig(
        mtu, dataChunkHeaderSize, initialCwnd, bytes, partialReliability);
  }

  /** This configuration with PR-SCTP on or off. */
  public RetransmissionQueueConfig withPartialReliability(boolean on) {
    return new RetransmissionQueueConfig(mtu, dataChunkHeaderSize, initialCwnd, maxHeldBytes, on);
  }

  /** The bytes one fragment takes in a packet: header and payload, padded to 4 (§3.2). */
  public int chunkSize(int payloadLength) {
    return (dataChunkHeaderSize + payloadLength + 3) & ~3;
  }
}
