package org.rtc4j.stun.attributes;

import java.net.InetSocketAddress;

/**
 * XOR-PEER-ADDRESS (RFC 8656 §18.3): a peer's address as seen from a TURN server.
 *
 * @param address a resolved IPv4 or IPv6 transport address
 */
public record XorPeerAddress(InetSocketAddress address) implements AddressAttribute {
  /**
   * @throws IllegalArgumentException if the address is unresolved
   */
  public XorPeerAddress {
    AddressAttribute.check(address);
  }

  @Override
  public int type() {
    return AttributeType.XOR_PEER_ADDRESS;
  }
}
