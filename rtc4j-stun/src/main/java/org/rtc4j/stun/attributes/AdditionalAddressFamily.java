package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * ADDITIONAL-ADDRESS-FAMILY (RFC 8656 §18.11): asks for a second relayed address, of this family
 * (IPv6).
 *
 * @param family the additional family
 */
public record AdditionalAddressFamily(AddressFamily family) implements StunAttribute {
  /**
   * @throws NullPointerException if the family is null
   */
  public AdditionalAddressFamily {
    java.util.Objects.requireNonNull(family, "family");
  }

  @Override
  public int type() {
    return AttributeType.ADDITIONAL_ADDRESS_FAMILY;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u8(family.code()).zeros(3);
  }
}
