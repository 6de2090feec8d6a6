package org.rtc4j.stun.attributes;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.stun.TransactionId;

/**
 * The attributes that carry a transport address: MAPPED-ADDRESS and ALTERNATE-SERVER in the clear,
 * and XOR-MAPPED-ADDRESS, XOR-PEER-ADDRESS and XOR-RELAYED-ADDRESS obfuscated with the magic cookie
 * and transaction id (RFC 8489 §14.1, §14.2).
 */
public sealed interface AddressAttribute extends StunAttribute
    permits MappedAddress, XorMappedAddress, XorPeerAddress, XorRelayedAddress, AlternateServer {

  /** The magic cookie, which every STUN message carries (RFC 8489 §5). */
  int MAGIC_COOKIE = 0x2112A442;

  /** The transport address this attribute carries. */
  InetSocketAddress address();

  /** Whether the address is XOR-ed on the wire. */
  default boolean isXored() {
    return type() != AttributeType.MAPPED_ADDRESS && type() != AttributeType.ALTERNATE_SERVER;
  }

  @Override
  default void encodeValue(ByteWriter out, TransactionId transactionId) {
    InetAddress ip = address().getAddress();
    byte[] raw = ip.getAddress();
    AddressFamily family = AddressFamily.of(ip);
    int port = address().getPort();
    if (isXored()) {
      port ^= MAGIC_COOKIE >>> 16;
      xor(raw, transactionId);
    }
    out.u8(0).u8(family.code()).u16(port).bytes(raw);
  }

  /** Checks an address for encoding: resolved, IPv4 or IPv6. */
  static InetSocketAddress check(InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("a STUN address must be resolved: " + address);
    }
    AddressFamily.of(address.getAddress());
    return address;
  }

  private static void xor(byte[] raw, TransactionId transactionId) {
    for (int i = 0; i < raw.length; i++) {
      int mask = i < 4 ? (MAGIC_COOKIE >>> (24 - 8 * i)) & 0xFF : transactionId.byteAt(i - 4);
      raw[i] ^= (byte) mask;
    }
  }

  /** Decodes the value of any of the address attributes. */
  static AddressAttribute decode(int type, ByteReader value, TransactionId transactionId)
      throws ParseException {
    value.u8(); // reserved
    AddressFamily family = AddressFamily.fromCode(value.u8(), 1);
    int port = value.u16();
    if (value.remaining() != family.addressLength()) {
      throw new ParseException(
          family + " address needs " + family.addressLength() + " bytes, has " + value.remaining(),
          value.position());
    }
    byte[] raw = value.bytes(family.addressLength());
    boolean xored = type != AttributeType.MAPPED_ADDRESS && type != AttributeType.ALTERNATE_SERVER;
    if (xored) {
      port ^= MAGIC_COOKIE >>> 16;
      xor(raw, transactionId);
    }
    InetSocketAddress address;
    try {
      address = new InetSocketAddress(InetAddress.getByAddress(raw), port);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes are always an address", e);
    }
    return switch (type) {
      case AttributeType.MAPPED_ADDRESS -> new MappedAddress(address);
      case AttributeType.XOR_MAPPED_ADDRESS -> new XorMappedAddress(address);
      case AttributeType.XOR_PEER_ADDRESS -> new XorPeerAddress(address);
      case AttributeType.XOR_RELAYED_ADDRESS -> new XorRelayedAddress(address);
      default -> new AlternateServer(address);
    };
  }
}
