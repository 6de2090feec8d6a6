package org.rtc4j.stun.attributes;

import java.net.InetSocketAddress;

/**
 * ALTERNATE-SERVER (RFC 8489 §14.15): another server to try, with a 300 (Try Alternate) error.
 *
 * @param address a resolved IPv4 or IPv6 transport address
 */
public record AlternateServer(InetSocketAddress address) implements AddressAttribute {
  /**
   * @throws IllegalArgumentException if the address is unresolved
   */
  public AlternateServer {
    AddressAttribute.check(address);
  }

  @Override
  public int type() {
    return AttributeType.ALTERNATE_SERVER;
  }
}
