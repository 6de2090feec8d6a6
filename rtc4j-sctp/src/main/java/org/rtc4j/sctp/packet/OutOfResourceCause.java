package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Out of Resource (RFC 9260 §3.3.10.4): the sender is out of resources, typically memory.
 *
 * <pre>
 *  cause code = 4 | cause length = 4
 * </pre>
 */
public record OutOfResourceCause() implements ErrorCause {
  /** The cause code. */
  public static final int CODE = 4;

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

  static OutOfResourceCause parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, 0, "Out of Resource");
    return new OutOfResourceCause();
  }
}
