package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * SSN/TSN Reset Request (RFC 6525 §4.3): the sender asks to reset all streams' SSNs and both
 * directions' TSNs.
 *
 * <pre>
 *  type = 15 | length = 8
 *  re-configuration request sequence number
 * </pre>
 *
 * @param requestSequenceNumber this request's number (raw 32 bits)
 */
public record SsnTsnResetRequestParameter(int requestSequenceNumber) implements Parameter {
  /** The parameter type. */
  public static final int TYPE = 15;

  /** Its only length. */
  public static final int LENGTH = 8;

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return LENGTH;
  }

  @Override
  public void writeTo(ByteWriter out) {
    out.u16(TYPE).u16(LENGTH).u32(requestSequenceNumber);
  }

  static SsnTsnResetRequestParameter parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, LENGTH - HEADER_LENGTH, "SSN/TSN Reset Request");
    return new SsnTsnResetRequestParameter(value.i32());
  }
}
