package org.rtc4j.rtp.rtcp;

/**
 * Range checks of the unsigned fields (32 bits and narrower) that RTCP records hold in wider Java
 * types, so that each record constructor states its ranges in one line each.
 */
final class Unsigned {
  private Unsigned() {}

  static long u32(String what, long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(what + " " + value + " outside 32 bits");
    }
    return value;
  }

  static int bits(String what, int value, int bits) {
    if (value < 0 || value >= 1 << bits) {
      throw new IllegalArgumentException(what + " " + value + " outside " + bits + " bits");
    }
    return value;
  }
}
