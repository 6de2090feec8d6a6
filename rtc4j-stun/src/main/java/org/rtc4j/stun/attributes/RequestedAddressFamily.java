package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * REQUESTED-ADDRESS-FAMILY (RFC 8656 §18.6): the family of the relayed address to allocate.
 *
 * @param family IPv4 or IPv6
 */
public record RequestedAddressFamily(AddressFamily family) implements StunAttribute {
  /**
   * @throws NullPointerException if the family is null
   */
  public RequestedAddressFamily {
    java.util.Objects.requireNonNull(family, "family");
  }

  @Override
  public int type() {
    return AttributeType.REQUESTED_ADDRESS_FAMILY;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u8(family.code()).zeros(3);
  }
}
