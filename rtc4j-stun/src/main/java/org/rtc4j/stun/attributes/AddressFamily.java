package org.rtc4j.stun.attributes;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/** The address family codes of STUN and TURN attributes (RFC 8489 §14.1, RFC 8656 §18.6). */
public enum AddressFamily {
  /** {@code 0x01}: IPv4. */
  IPV4(0x01, 4),
  /** {@code 0x02}: IPv6. */
  IPV6(0x02, 16);

  private final int code;
  private final int addressLength;

  AddressFamily(int code, int addressLength) {
    this.code = code;
    this.addressLength = addressLength;
  }

  /** The family's code on the wire. */
  public int code() {
    return code;
  }

  /** The length of an address of this family in bytes. */
  public int addressLength() {
    return addressLength;
  }

  /** The family of {@code address}. */
  public static AddressFamily of(InetAddress address) {
    if (address instanceof Inet4Address) {
      return IPV4;
    }
    if (address instanceof Inet6Address) {
      return IPV6;
    }
    throw new IllegalArgumentException("not an IP address: " + address);
  }

  /** The family for a wire code. */
  static AddressFamily fromCode(int code, int offset) throws ParseException {
    return switch (code) {
      case 0x01 -> IPV4;
      case 0x02 -> IPV6;
      default -> throw new ParseException("unknown address family " + code, offset);
    };
  }

  /** Decodes the 4-byte value of REQUESTED- and ADDITIONAL-ADDRESS-FAMILY: family, 3 RFFU. */
  static AddressFamily decode(ByteReader value) throws ParseException {
    AddressFamily family = fromCode(value.u8(), 0);
    value.skip(3);
    return family;
  }
}
