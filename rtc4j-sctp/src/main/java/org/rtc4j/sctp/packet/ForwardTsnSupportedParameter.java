package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Forward-TSN-Supported (RFC 3758 §3.1): in INIT and INIT ACK, the sender supports PR-SCTP.
 *
 * <pre>
 *  type = 0xC000 | length = 4
 * </pre>
 */
public record ForwardTsnSupportedParameter() implements Parameter {
  /** The parameter type. */
  public static final int TYPE = 0xC000;

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH;
  }

  @Override
  public void writeTo(ByteWriter out) {
    out.u16(TYPE).u16(HEADER_LENGTH);
  }

  static ForwardTsnSupportedParameter parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, 0, "Forward-TSN-Supported");
    return new ForwardTsnSupportedParameter();
  }
}
