package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * REQUESTED-TRANSPORT (RFC 8656 §18.8): the transport of the relayed address; 17 is UDP, 6 is TCP.
 *
 * @param protocol the IP protocol number
 */
public record RequestedTransport(int protocol) implements StunAttribute {
  /** UDP (17). */
  public static final int UDP = 17;

  /** TCP (6), for RFC 6062 allocations. */
  public static final int TCP = 6;

  /**
   * @throws IllegalArgumentException if the protocol number does not fit in 8 bits
   */
  public RequestedTransport {
    if (protocol < 0 || protocol > 0xFF) {
      throw new IllegalArgumentException("protocol must fit in 8 bits: " + protocol);
    }
  }

  @Override
  public int type() {
    return AttributeType.REQUESTED_TRANSPORT;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u8(protocol).zeros(3);
  }
}
