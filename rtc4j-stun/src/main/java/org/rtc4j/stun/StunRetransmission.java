package org.rtc4j.stun;

import org.rtc4j.common.Time;

/**
 * When a STUN client transaction retransmits and gives up (RFC 8489 §6.2.1).
 *
 * <p>Over UDP the request is sent, then sent again after RTO, 2·RTO, 4·RTO... (each interval capped
 * at {@code maxRto}) until {@code maxRequests} have gone; the transaction then fails if no response
 * came within {@code lastWaitFactor}·RTO of the last one. With the defaults (RTO 500 ms, Rc 7, Rm
 * 16) requests leave at 0, 0.5, 1.5, 3.5, 7.5, 15.5 and 31.5 s, and the transaction times out at
 * 39.5 s. Over TCP nothing is retransmitted and the transaction fails after {@code tcpTimeoutNanos}
 * (Ti, 39.5 s).
 *
 * @param initialRtoNanos the first retransmission timeout (RTO)
 * @param maxRequests how many times the request is sent in all (Rc)
 * @param lastWaitFactor how many initial RTOs to wait after the last request (Rm)
 * @param maxRtoNanos the cap on one retransmission interval ({@link Time#NEVER}: no cap)
 * @param tcpTimeoutNanos how long a transaction over TCP waits for its response (Ti)
 */
public record StunRetransmission(
    long initialRtoNanos,
    int maxRequests,
    int lastWaitFactor,
    long maxRtoNanos,
    long tcpTimeoutNanos) {

  /** RFC 8489's recommended values: RTO 500 ms, Rc 7, Rm 16, no cap, Ti 39.5 s. */
  public static final StunRetransmission DEFAULT =
      new StunRetransmission(Time.millis(500), 7, 16, Time.NEVER, Time.millis(39_500));

  /**
   * @throws IllegalArgumentException if a value is out of range
   */
  public StunRetransmission {
    if (initialRtoNanos <= 0 || maxRtoNanos < initialRtoNanos || tcpTimeoutNanos <= 0) {
      throw new IllegalArgumentException(
          "need 0 < initialRto <= maxRto and tcpTimeout > 0: "
              + initialRtoNanos
              + ", "
              + maxRtoNanos
              + ", "
              + tcpTimeoutNanos);
    }
    if (maxRequests < 1 || lastWaitFactor < 1) {
      throw new IllegalArgumentException(
          "need maxRequests >= 1 and lastWaitFactor >= 1: " + maxRequests + ", " + lastWaitFactor);
    }
  }

  /** These values with another initial RTO. */
  public StunRetransmission withInitialRto(long nanos) {
    return new StunRetransmission(
        nanos, maxRequests, lastWaitFactor, Math.max(maxRtoNanos, nanos), tcpTimeoutNanos);
  }

  /** These values with another number of requests (Rc). */
  public StunRetransmission withMaxRequests(int requests) {
    return new StunRetransmission(
        initialRtoNanos, requests, lastWaitFactor, maxRtoNanos, tcpTimeoutNanos);
  }

  /** These values with another wait after the last request (Rm). */
  public StunRetransmission withLastWaitFactor(int factor) {
    return new StunRetransmission(
        initialRtoNanos, maxRequests, factor, maxRtoNanos, tcpTimeoutNanos);
  }

  /** These values with a cap on each retransmission interval. */
  public StunRetransmission withMaxRto(long nanos) {
    return new StunRetransmission(
        initialRtoNanos, maxRequests, lastWaitFactor, nanos, tcpTimeoutNanos);
  }
}
