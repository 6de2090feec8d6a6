package org.rtc4j.stun.attributes;

import java.net.InetSocketAddress;

/**
 * MAPPED-ADDRESS (RFC 8489 §14.1): the reflexive address, in the clear (RFC 3489 servers send it).
 *
 * @param address a resolved IPv4 or IPv6 transport address
 */
public record MappedAddress(InetSocketAddress address) implements AddressAttribute {
  /**
   * @throws IllegalArgumentException if the address is unresolved
   */
  public MappedAddress {
    AddressAttribute.check(address);
  }

  @Override
  public int type() {
    return AttributeType.MAPPED_ADDRESS;
  }
}
