package org.rtc4j.stun.attributes;

import java.net.InetSocketAddress;

/**
 * XOR-MAPPED-ADDRESS (RFC 8489 §14.2): the reflexive transport address the server saw the request
 * come from.
 *
 * @param address a resolved IPv4 or IPv6 transport address
 */
public record XorMappedAddress(InetSocketAddress address) implements AddressAttribute {
  /**
   * @throws IllegalArgumentException if the address is unresolved
   */
  public XorMappedAddress {
    AddressAttribute.check(address);
  }

  @Override
  public int type() {
    return AttributeType.XOR_MAPPED_ADDRESS;
  }
}
