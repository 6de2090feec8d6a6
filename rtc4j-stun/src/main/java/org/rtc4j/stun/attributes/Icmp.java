package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * ICMP (RFC 8656 §18.13): an ICMP error the TURN server received for relayed data, in a Data
 * indication.
 *
 * @param icmpType the ICMP type (7 bits)
 * @param icmpCode the ICMP code
 * @param errorData the ICMP message's data field (e.g. the MTU for fragmentation needed)
 */
public record Icmp(int icmpType, int icmpCode, long errorData) implements StunAttribute {
  /**
   * @throws IllegalArgumentException if a field does not fit its width
   */
  public Icmp {
    if (icmpType < 0 || icmpType > 0x7F || icmpCode < 0 || icmpCode > 0xFF) {
      throw new IllegalArgumentException(
          "ICMP type is 7 bits, code 8 bits: " + icmpType + "/" + icmpCode);
    }
    if (errorData < 0 || errorData > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("error data must fit in 32 unsigned bits: " + errorData);
    }
  }

  static Icmp decode(org.rtc4j.common.ByteReader value) throws org.rtc4j.common.ParseException {
    value.require(8, "ICMP");
    value.u16(); // reserved
    return new Icmp(value.u8() & 0x7F, value.u8(), value.u32());
  }

  @Override
  public int type() {
    return AttributeType.ICMP;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u16(0).u8(icmpType).u8(icmpCode).u32(errorData);
  }
}
