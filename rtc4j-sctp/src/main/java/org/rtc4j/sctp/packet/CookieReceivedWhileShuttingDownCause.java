package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Cookie Received While Shutting Down (RFC 9260 §3.3.10.10): a COOKIE ECHO arrived while the sender
 * was shutting down.
 *
 * <pre>
 *  cause code = 10 | cause length = 4
 * </pre>
 */
public record CookieReceivedWhileShuttingDownCause() implements ErrorCause {
  /** The cause code. */
  public static final int CODE = 10;

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH;
  }

  @Override
  public void writeTo(ByteWriter out) {
    out.u16(CODE).u16(HEADER_LENGTH);
  }

  static CookieReceivedWhileShuttingDownCause parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, 0, "Cookie Received While Shutting Down");
    return new CookieReceivedWhileShuttingDownCause();
  }
}
