package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * CONNECTION-ID (RFC 6062 §6.2.1): names a TURN-TCP peer data connection.
 *
 * @param id the connection id, 0 to 2^32-1
 */
public record ConnectionId(long id) implements StunAttribute {
  /**
   * @throws IllegalArgumentException if the value does not fit in 32 unsigned bits
   */
  public ConnectionId {
    if (id < 0 || id > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("CONNECTION-ID must fit in 32 unsigned bits: " + id);
    }
  }

  @Override
  public int type() {
    return AttributeType.CONNECTION_ID;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u32(id);
  }
}
