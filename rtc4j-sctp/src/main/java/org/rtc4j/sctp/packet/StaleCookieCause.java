package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Stale Cookie (RFC 9260 §3.3.10.3): a COOKIE ECHO carried an expired cookie.
 *
 * <pre>
 *  cause code = 3 | cause length = 8
 *  measure of staleness (usec)
 * </pre>
 *
 * @param stalenessMicros how long past its lifetime the cookie was, in microseconds, 0 to 2^32-1
 */
public record StaleCookieCause(long stalenessMicros) implements ErrorCause {
  /** The cause code. */
  public static final int CODE = 3;

  /** Its only length. */
  public static final int LENGTH = 8;

  /**
   * @throws IllegalArgumentException if the staleness does not fit in 32 unsigned bits
   */
  public StaleCookieCause {
    if (stalenessMicros < 0 || stalenessMicros > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("staleness " + stalenessMicros + " µs");
    }
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public int serializedLength() {
    return LENGTH;
  }

  @Override
  public void writeTo(ByteWriter out) {
    out.u16(CODE).u16(LENGTH).u32(stalenessMicros);
  }

  static StaleCookieCause parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, LENGTH - HEADER_LENGTH, "Stale Cookie");
    return new StaleCookieCause(value.u32());
  }
}
