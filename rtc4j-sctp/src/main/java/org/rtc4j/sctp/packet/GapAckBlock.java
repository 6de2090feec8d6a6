package org.rtc4j.sctp.packet;

/**
 * One Gap Ack Block of a SACK (RFC 9260 §3.3.4): TSNs {@code cumulativeTsnAck + start} through
 * {@code cumulativeTsnAck + end} were received. Offsets are 16 bits, {@code 1 <= start <= end}.
 *
 * @param start the offset of the block's first TSN from the cumulative TSN ack
 * @param end the offset of its last TSN
 */
public record GapAckBlock(int start, int end) {
  /**
   * @throws IllegalArgumentException unless {@code 1 <= start <= end <= 65535}
   */
  public GapAckBlock {
    if (start < 1 || end < start || end > 0xFFFF) {
      throw new IllegalArgumentException("gap ack block " + start + ".." + end);
    }
  }
}
