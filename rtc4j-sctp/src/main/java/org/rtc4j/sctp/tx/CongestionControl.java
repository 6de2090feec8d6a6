package org.rtc4j.sctp.tx;

/**
 * The congestion window of the peer's address and how acknowledgements and losses move it (RFC 9260
 * §7.2): slow start, congestion avoidance with {@code partial_bytes_acked}, and the cuts of fast
 * retransmit and of the retransmission timeout.
 *
 * <p>All sizes are in bytes, counted as {@link RetransmissionQueue} counts data in flight: whole
 * DATA or I-DATA chunks, header and padding included. Fast Recovery itself (when it starts and
 * ends) is the queue's; this class is only told whether it is on.
 */
public final class CongestionControl {
  private final int mtu;
  private long cwnd;
  private long ssthresh;
  private long partialBytesAcked;

  /**
   * @param mtu the path MTU: the largest SCTP packet, the step of growth and the unit of the cuts
   * @param initialCwnd the first cwnd (RFC 9260 §7.2.1: min(4*MTU, max(2*MTU, 4404)))
   * @param initialSsthresh the first ssthresh, which "MAY be arbitrarily high" (§7.2.1): the peer's
   *     advertised receiver window is customary
   * @throws IllegalArgumentException if a value is not positive
   */
  public CongestionControl(int mtu, long initialCwnd, long initialSsthresh) {
    if (mtu <= 0 || initialCwnd <= 0 || initialSsthresh <= 0) {
      throw new IllegalArgumentException(
          "mtu, cwnd and ssthresh must be positive: "
              + mtu
              + ", "
              + initialCwnd
              + ", "
              + initialSsthresh);
    }
    this.mtu = mtu;
    this.cwnd = initialCwnd;
    this.ssthresh = initialSsthresh;
  }

  /** RFC 9260 §7.2.1: the initial cwnd for a path MTU, min(4*MTU, max(2*MTU, 4404)) bytes. */
  public static long initialCwnd(int mtu) {
    return Math.min(4L * mtu, Math.max(2L * mtu, 4404));
  }

  /**
   * A SACK newly acknowledged {@code bytesAcked} bytes (by its cumulative TSN ack and its gap ack
   * blocks together).
   *
   * <p>In slow start (cwnd &lt;= ssthresh, §7.2.1) cwnd grows by min(bytesAcked, MTU), but only if
   * the window was fully used and the sender is not in Fast Recovery. In congestion avoidance
   * (§7.2.2) the bytes add to {@code partial_bytes_acked}; once that reaches cwnd with the window
   * fully used, it loses cwnd and cwnd grows by one MTU (not in Fast Recovery); if it passed cwnd
   * while the window was not fully used, it is held at cwnd.
   *
   * @param bytesAcked the bytes newly acknowledged
   * @param flightBefore the bytes in flight before the SACK arrived: the window was fully used if
   *     that was at least cwnd
   * @param inFastRecovery whether the sender is in Fast Recovery (§7.2.4)
   */
  public void onAcked(long bytesAcked, long flightBefore, boolean inFastRecovery) {
    if (bytesAcked <= 0) {
      return;
    }
    boolean fullyUsed = flightBefore >= cwnd;
    if (cwnd <= ssthresh) {
      // RFC 9260 §7.2.1: only when cwnd is fully utilised and not in Fast Recovery, and by at most
      // one MTU per SACK (the bound against ACK splitting).
      if (fullyUsed && !inFastRecovery) {
        cwnd += Math.min(bytesAcked, mtu);
      }
      return;
    }
    // RFC 9260 §7.2.2
    partialBytesAcked += bytesAcked;
    if (partialBytesAcked >= cwnd && fullyUsed) {
      partialBytesAcked -= cwnd;
      if (!inFastRecovery) {
        cwnd += mtu;
      }
    } else if (partialBytesAcked > cwnd) {
      partialBytesAcked = cwnd;
    }
  }

  /**
   * RFC 9260 §7.2.2: all data the sender transmitted has been acknowledged, so {@code
   * partial_bytes_acked} starts again from 0.
   */
  public void onAllAcked() {
    partialBytesAcked = 0;
  }

  /**
   * RFC 9260 §7.2.3, on entering Fast Recovery (§7.2.4): ssthresh = max(cwnd/2, 4*MTU), cwnd =
   * ssthresh, and {@code partial_bytes_acked} = 0.
   */
  public void onFastRetransmit() {
    ssthresh = Math.max(cwnd / 2, 4L * mtu);
    cwnd = ssthresh;
    partialBytesAcked = 0;
  }

  /**
   * RFC 9260 §6.3.3 E1 and §7.2.3, on T3-rtx expiry: ssthresh = max(cwnd/2, 4*MTU), cwnd = 1 MTU,
   * and {@code partial_bytes_acked} = 0.
   */
  public void onRetransmitTimeout() {
    ssthresh = Math.max(cwnd / 2, 4L * mtu);
    cwnd = mtu;
    partialBytesAcked = 0;
  }

  /**
   * RFC 9260 §7.2.1, §7.2.2: the sender sent no DATA for {@code rtos} RTOs, so for each cwnd =
   * max(cwnd/2, 4*MTU). A cwnd already at or below 4 MTUs stays as it is.
   */
  public void onIdle(long rtos) {
    for (long i = 0; i < rtos && cwnd > 4L * mtu; i++) {
      cwnd = Math.max(cwnd / 2, 4L * mtu);
    }
  }

  /** The congestion window, in bytes. */
  public long cwnd() {
    return cwnd;
  }

  /** The slow start threshold, in bytes. */
  public long ssthresh() {
    return ssthresh;
  }

  /** Congestion avoidance's byte count towards the next MTU of growth. */
  public long partialBytesAcked() {
    return partialBytesAcked;
  }

  /** Whether cwnd grows by slow start (cwnd &lt;= ssthresh) rather than congestion avoidance. */
  public boolean inSlowStart() {
    return cwnd <= ssthresh;
  }

  /** The path MTU this window counts in. */
  public int mtu() {
    return mtu;
  }

  @Override
  public String toString() {
    return "CongestionControl[cwnd="
        + cwnd
        + ", ssthresh="
        + ssthresh
        + ", pba="
        + partialBytesAcked
        + "]";
  }
}
