package org.rtc4j.stun;

/** The class of a STUN message (RFC 8489 §5): its two class bits. */
public enum MessageClass {
  /** {@code 0b00}: a request, which expects a response. */
  REQUEST(0b00),
  /** {@code 0b01}: an indication, which expects none. */
  INDICATION(0b01),
  /** {@code 0b10}: a success response. */
  SUCCESS_RESPONSE(0b10),
  /** {@code 0b11}: an error response. */
  ERROR_RESPONSE(0b11);

  private final int bits;

  MessageClass(int bits) {
    this.bits = bits;
  }

  /** The two class bits, C1 C0. */
  public int bits() {
    return bits;
  }

  /** Whether this is a success or error response. */
  public boolean isResponse() {
    return this == SUCCESS_RESPONSE || this == ERROR_RESPONSE;
  }

  static MessageClass fromBits(int bits) {
    return values()[bits & 0b11];
  }
}
