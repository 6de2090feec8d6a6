package org.rtc4j.sctp.packet;

import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * State Cookie (RFC 9260 §3.3.3): in an INIT ACK, what the INIT's sender must echo in a COOKIE
 * ECHO.
 *
 * <pre>
 *  type = 7 | length
 *  cookie
 * </pre>
 *
 * @param cookie the cookie, opaque to its receiver (copied in and out)
 */
public record StateCookieParameter(byte[] cookie) implements Parameter {
  /** The parameter type. */
  public static final int TYPE = 7;

  /**
   * @throws IllegalArgumentException if the value is too long for one parameter
   */
  public StateCookieParameter {
    cookie = Objects.requireNonNull(cookie, "cookie").clone();
    Tlv.checkLength(HEADER_LENGTH + (long) cookie.length, "StateCookieParameter");
  }

  @Override
  public byte[] cookie() {
    return cookie.clone();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + cookie.length;
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    out.u16(TYPE).u16(length).bytes(cookie);
    Tlv.pad(out, length);
  }

  static StateCookieParameter parseValue(ByteReader value) throws ParseException {
    return new StateCookieParameter(value.bytes(value.remaining()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateCookieParameter other && Arrays.equals(cookie, other.cookie);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cookie);
  }

  @Override
  public String toString() {
    return "StateCookieParameter[" + Tlv.hex(cookie) + "]";
  }
}
