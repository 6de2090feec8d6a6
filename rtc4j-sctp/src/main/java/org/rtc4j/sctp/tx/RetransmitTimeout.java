package org.rtc4j.sctp.tx;

import org.rtc4j.common.Time;

/**
 * The retransmission timeout (RTO) of the peer's address, estimated from round-trip time samples
 * (RFC 9260 §6.3.1, the formulas of RFC 6298 with alpha 1/8, beta 1/4 and K = 4).
 *
 * <p>The caller gives it only samples Karn's algorithm allows (RFC 9260 §6.3.1 C5: never from a
 * chunk that was retransmitted); {@link RetransmissionQueue} does so for DATA. The same estimate
 * serves the association's other timers (T1, T2, heartbeats), which is why it is its own object.
 *
 * <p>RFC 9260 §16 suggests RTO.Initial 1 s, RTO.Min 1 s and RTO.Max 60 s ({@link #ofRfc9260()});
 * WebRTC stacks run much lower ones, because a data channel on a 20 ms path must not wait a second
 * to repair a loss. {@link #ofWebRtc()} takes dcSCTP's current values (500 ms, 220 ms, 800 ms).
 * Arithmetic is in whole nanoseconds, so it is exact to the nanosecond for any realistic RTT.
 */
public final class RetransmitTimeout {
  private final long initialNanos;
  private final long minNanos;
  private final long maxNanos;
  private long srtt;
  private long rttvar;
  private long rto;
  private boolean measured;

  /**
   * An estimator that has seen no sample yet, so that {@link #rto()} is {@code initialNanos}.
   *
   * @param initialNanos RTO.Initial, the timeout before the first sample
   * @param minNanos RTO.Min: a computed RTO below it is rounded up (RFC 9260 §6.3.1 C6)
   * @param maxNanos RTO.Max: the computed RTO and the doubling of {@link #backOff()} stop there
   *     (C7)
   * @throws IllegalArgumentException unless {@code 0 < minNanos <= initialNanos <= maxNanos}
   */
  public RetransmitTimeout(long initialNanos, long minNanos, long maxNanos) {
    if (minNanos <= 0 || initialNanos < minNanos || maxNanos < initialNanos) {
      throw new IllegalArgumentException(
          "need 0 < min <= initial <= max: " + minNanos + ", " + initialNanos + ", " + maxNanos);
    }
    this.initialNanos = initialNanos;
    this.minNanos = minNanos;
    this.maxNanos = maxNanos;
    this.rto = initialNanos;
  }

  /** RFC 9260 §16's protocol parameters: RTO.Initial 1 s, RTO.Min 1 s, RTO.Max 60 s. */
  public static RetransmitTimeout ofRfc9260() {
    return new RetransmitTimeout(Time.seconds(1), Time.seconds(1), Time.seconds(60));
  }

  /**
   * The values dcSCTP, the SCTP of libwebrtc, uses for data channels: RTO.Initial 500 ms, RTO.Min
   * 220 ms, RTO.Max 800 ms.
   */
  public static RetransmitTimeout ofWebRtc() {
    return new RetransmitTimeout(Time.millis(500), Time.millis(220), Time.millis(800));
  }

  /**
   * Takes one round-trip time sample R (RFC 9260 §6.3.1). The first sets SRTT = R, RTTVAR = R/2
   * (C2); each later one RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R| and then SRTT = 7/8 SRTT + 1/8 R
   * (C3). Either way RTO = SRTT + 4 RTTVAR, kept within [RTO.Min, RTO.Max] (C6, C7), which also
   * ends any {@link #backOff()}. A negative sample (a caller's clock going backwards) is ignored.
   */
  public void observeRtt(long rttNanos) {
    if (rttNanos < 0) {
      return;
    }
    if (!measured) {
      // RFC 9260 §6.3.1 C2
      srtt = rttNanos;
      rttvar = rttNanos / 2;
      measured = true;
    } else {
      // RFC 9260 §6.3.1 C3: RTTVAR first, from the SRTT before this sample.
      rttvar = (3 * rttvar + Math.abs(srtt - rttNanos)) / 4;
      srtt = (7 * srtt + rttNanos) / 8;
    }
    long computed = srtt + 4 * rttvar;
    rto = Math.min(maxNanos, Math.max(minNanos, computed));
  }

  /**
   * RFC 9260 §6.3.3 E2: a T3-rtx (or other) timer expired, so RTO = RTO * 2, at most RTO.Max. The
   * next sample computes RTO afresh.
   */
  public void backOff() {
    rto = rto > maxNanos / 2 ? maxNanos : Math.min(maxNanos, rto * 2);
  }

  /** The current retransmission timeout, in nanoseconds. */
  public long rto() {
    return rto;
  }

  /** The smoothed round-trip time, or 0 before the first sample. */
  public long srtt() {
    return srtt;
  }

  /** The round-trip time variation, or 0 before the first sample. */
  public long rttvar() {
    return rttvar;
  }

  /** Whether a sample has been taken. */
  public boolean hasMeasurement() {
    return measured;
  }

  /** RTO.Initial. */
  public long initialNanos() {
    return initialNanos;
  }

  /** RTO.Min. */
  public long minNanos() {
    return minNanos;
  }

  /** RTO.Max. */
  public long maxNanos() {
    return maxNanos;
  }

  @Override
  public String toString() {
    return "RetransmitTimeout[rto=" + rto + " ns, srtt=" + srtt + " ns, rttvar=" + rttvar + " ns]";
  }
}
