package org.rtc4j.datachannel.dcep;

/**
 * The Channel Type of a DATA_CHANNEL_OPEN message (RFC 8832 §5.1, §8.2.3): whether the channel is
 * ordered, and which reliability its Reliability Parameter sets. The high bit (0x80) marks the
 * unordered variants.
 */
public enum ChannelType {
  /** DATA_CHANNEL_RELIABLE: ordered and reliable. */
  RELIABLE(0x00),
  /** DATA_CHANNEL_RELIABLE_UNORDERED: reliable, in any order. */
  RELIABLE_UNORDERED(0x80),
  /** DATA_CHANNEL_PARTIAL_RELIABLE_REXMIT: ordered, at most so many retransmissions. */
  PARTIAL_RELIABLE_REXMIT(0x01),
  /** DATA_CHANNEL_PARTIAL_RELIABLE_REXMIT_UNORDERED: at most so many retransmissions, any order. */
  PARTIAL_RELIABLE_REXMIT_UNORDERED(0x81),
  /** DATA_CHANNEL_PARTIAL_RELIABLE_TIMED: ordered, abandoned after so many milliseconds. */
  PARTIAL_RELIABLE_TIMED(0x02),
  /** DATA_CHANNEL_PARTIAL_RELIABLE_TIMED_UNORDERED: abandoned after so many ms, any order. */
  PARTIAL_RELIABLE_TIMED_UNORDERED(0x82);

  /** RFC 8832 §5.1: the bit that marks a channel type unordered. */
  private static final int UNORDERED_BIT = 0x80;

  private final int code;

  ChannelType(int code) {
    this.code = code;
  }

  /** The value on the wire. */
  public int code() {
    return code;
  }

  /** Whether messages are delivered in the order they were sent. */
  public boolean ordered() {
    return (code & UNORDERED_BIT) == 0;
  }

  /** Whether the Reliability Parameter is a retransmission limit. */
  public boolean limitsRetransmissions() {
    return (code & ~UNORDERED_BIT) == 0x01;
  }

  /** Whether the Reliability Parameter is a lifetime in milliseconds. */
  public boolean limitsLifetime() {
    return (code & ~UNORDERED_BIT) == 0x02;
  }

  /** Whether messages are retransmitted until acknowledged, with no limit. */
  public boolean reliable() {
    return (code & ~UNORDERED_BIT) == 0x00;
  }

  /**
   * The channel type with this wire value.
   *
   * @return the type, or {@code null} if {@code code} is none of RFC 8832's six
   */
  public static ChannelType fromCode(int code) {
    for (ChannelType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    return null;
  }

  /**
   * The channel type of a channel with these properties.
   *
   * @param ordered whether the channel is ordered
   * @param retransmitLimited whether it has a retransmission limit
   * @param lifetimeLimited whether it has a lifetime limit
   * @throws IllegalArgumentException if both limits are set (RFC 8831 §6.4)
   */
  public static ChannelType of(
      boolean ordered, boolean retransmitLimited, boolean lifetimeLimited) {
    if (retransmitLimited && lifetimeLimited) {
      throw new IllegalArgumentException("a channel has at most one reliability limit");
    }
    int base = retransmitLimited ? 0x01 : lifetimeLimited ? 0x02 : 0x00;
    ChannelType type = fromCode(ordered ? base : base | UNORDERED_BIT);
    if (type == null) {
      throw new IllegalStateException("no channel type " + base);
    }
    return type;
  }
}
