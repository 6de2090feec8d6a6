package org.rtc4j.sctp;

/**
 * How one message is sent on its stream: ordered or not, and how hard SCTP tries.
 *
 * <p>A message is reliable unless a limit is set. With {@code maxRetransmits} (RFC 3758's "limited
 * retransmissions" policy, which WebRTC's {@code maxRetransmits} maps to) it is abandoned after
 * that many retransmissions; with {@code maxLifetimeNanos} (the "timed reliability" policy,
 * WebRTC's {@code maxPacketLifeTime}) it is abandoned once that long has passed since it was
 * queued, sent or not. Abandoned messages are skipped on the wire with FORWARD-TSN and never
 * delivered in part. At most one of the two limits may be set (RFC 8831 §6.4).
 *
 * @param unordered whether the message may be delivered before earlier messages of its stream
 * @param maxRetransmits the retransmission limit, {@code >= 0}, or {@link #UNLIMITED}
 * @param maxLifetimeNanos the lifetime limit in nanoseconds, {@code >= 0}, or {@link #UNLIMITED}
 */
public record SendOptions(boolean unordered, long maxRetransmits, long maxLifetimeNanos) {
  /** No limit: the message is retransmitted until acknowledged. */
  public static final long UNLIMITED = -1;

  /** Ordered and reliable, like TCP: the default of a data channel. */
  public static final SendOptions RELIABLE = new SendOptions(false, UNLIMITED, UNLIMITED);

  /**
   * @throws IllegalArgumentException if a limit is negative other than {@link #UNLIMITED}, or both
   *     limits are set
   */
  public SendOptions {
    if (maxRetransmits < UNLIMITED || maxLifetimeNanos < UNLIMITED) {
      throw new IllegalArgumentException(
          "limits are >= 0 or UNLIMITED: " + maxRetransmits + ", " + maxLifetimeNanos);
    }
    if (maxRetransmits != UNLIMITED && maxLifetimeNanos != UNLIMITED) {
      throw new IllegalArgumentException(
          "set maxRetransmits or maxLifetimeNanos, not both (RFC 8831 §6.4)");
    }
  }

  /** Reliable, in either order. */
  public static SendOptions unorderedReliable() {
    return new SendOptions(true, UNLIMITED, UNLIMITED);
  }

  /** Whether the message is retransmitted until acknowledged, with no limit. */
  public boolean isReliable() {
    return maxRetransmits == UNLIMITED && maxLifetimeNanos == UNLIMITED;
  }
}
