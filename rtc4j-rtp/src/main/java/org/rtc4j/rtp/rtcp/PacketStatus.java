package org.rtc4j.rtp.rtcp;

/**
 * What a transport-wide feedback packet says of one packet
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.1), and so the size of its receive
 * delta. The 2-bit symbol 11 is reserved; parsers refuse it.
 */
public enum PacketStatus {
  /** Symbol 00: not received; no delta. */
  NOT_RECEIVED,
  /** Symbol 01: received, with a 1-byte delta of 0 to 63.75 ms. */
  RECEIVED_SMALL_DELTA,
  /** Symbol 10: received, with a 2-byte signed delta of -8192 to 8191.75 ms. */
  RECEIVED_LARGE_DELTA;

  private static final PacketStatus[] BY_SYMBOL = values();

  /** The 2-bit symbol. */
  public int symbol() {
    return ordinal();
  }

  /** Whether the packet was received. */
  public boolean isReceived() {
    return this != NOT_RECEIVED;
  }

  /** The status of symbol {@code 0}, {@code 1} or {@code 2}; null for the reserved {@code 3}. */
  static PacketStatus ofSymbol(int symbol) {
    return symbol < BY_SYMBOL.length ? BY_SYMBOL[symbol] : null;
  }
}
