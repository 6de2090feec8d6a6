package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * PRIORITY (RFC 8445 §7.1.1): the priority a peer-reflexive candidate learned from this check would
 * get.
 *
 * @param priority 0 to 2^32-1
 */
public record Priority(long priority) implements StunAttribute {
  /**
   * @throws IllegalArgumentException if the value does not fit in 32 unsigned bits
   */
  public Priority {
    if (priority < 0 || priority > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("PRIORITY must fit in 32 unsigned bits: " + priority);
    }
  }

  @Override
  public int type() {
    return AttributeType.PRIORITY;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u32(priority);
  }
}
