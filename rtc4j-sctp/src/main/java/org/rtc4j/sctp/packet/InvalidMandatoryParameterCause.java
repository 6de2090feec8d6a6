package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Invalid Mandatory Parameter (RFC 9260 §3.3.10.7): a mandatory parameter of an INIT or INIT ACK
 * was set to an invalid value.
 *
 * <pre>
 *  cause code = 7 | cause length = 4
 * </pre>
 */
public record InvalidMandatoryParameterCause() implements ErrorCause {
  /** The cause code. */
  public static final int CODE = 7;

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

  static InvalidMandatoryParameterCause parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, 0, "Invalid Mandatory Parameter");
    return new InvalidMandatoryParameterCause();
  }
}
