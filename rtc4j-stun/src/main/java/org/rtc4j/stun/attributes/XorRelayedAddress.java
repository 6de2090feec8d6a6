package org.rtc4j.stun.attributes;

import java.net.InetSocketAddress;

/**
 * XOR-RELAYED-ADDRESS (RFC 8656 §18.5): the relayed transport address a TURN server allocated.
 *
 * @param address a resolved IPv4 or IPv6 transport address
 */
public record XorRelayedAddress(InetSocketAddress address) implements AddressAttribute {
  /**
   * @throws IllegalArgumentException if the address is unresolved
   */
  public XorRelayedAddress {
    AddressAttribute.check(address);
  }

  @Override
  public int type() {
    return AttributeType.XOR_RELAYED_ADDRESS;
  }
}
