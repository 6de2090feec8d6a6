package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * LIFETIME (RFC 8656 §18.2): how long a TURN allocation lasts without a refresh.
 *
 * @param seconds the lifetime in seconds, 0 to 2^32-1 (0 deletes the allocation)
 */
public record Lifetime(long seconds) implements StunAttribute {
  /**
   * @throws IllegalArgumentException if the value does not fit in 32 unsigned bits
   */
  public Lifetime {
    if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("LIFETIME must fit in 32 unsigned bits: " + seconds);
    }
  }

  @Override
  public int type() {
    return AttributeType.LIFETIME;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u32(seconds);
  }
}
