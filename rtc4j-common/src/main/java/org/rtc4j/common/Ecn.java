package org.rtc4j.common;

/** The Explicit Congestion Notification codepoint of an IP packet (RFC 3168 §5). */
public enum Ecn {
  /** {@code 00}: the sender is not ECN-capable. */
  NOT_ECT(0b00),
  /** {@code 01}: ECN-capable transport, codepoint ECT(1) (used by L4S). */
  ECT_1(0b01),
  /** {@code 10}: ECN-capable transport, codepoint ECT(0). */
  ECT_0(0b10),
  /** {@code 11}: congestion experienced, marked by a router. */
  CE(0b11);

  private final int bits;

  Ecn(int bits) {
    this.bits = bits;
  }

  /** The two-bit value as it sits in the IP header's traffic class. */
  public int bits() {
    return bits;
  }

  /**
   * The codepoint for the two low bits of {@code trafficClass}.
   *
   * @param trafficClass the IPv4 TOS byte or the IPv6 traffic class; only its two low bits count
   */
  public static Ecn fromBits(int trafficClass) {
    return switch (trafficClass & 0b11) {
      case 0b00 -> NOT_ECT;
      case 0b01 -> ECT_1;
      case 0b10 -> ECT_0;
      default -> CE;
    };
  }
}
