package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * No User Data (RFC 9260 §3.3.10.9): a DATA chunk arrived without user data.
 *
 * <pre>
 *  cause code = 9 | cause length = 8
 *  TSN value
 * </pre>
 *
 * @param tsn the TSN of the empty DATA chunk (raw 32 bits)
 */
public record NoUserDataCause(int tsn) implements ErrorCause {
  /** The cause code. */
  public static final int CODE = 9;

  /** Its only length. */
  public static final int LENGTH = 8;

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
    out.u16(CODE).u16(LENGTH).u32(tsn);
  }

  static NoUserDataCause parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, LENGTH - HEADER_LENGTH, "No User Data");
    return new NoUserDataCause(value.i32());
  }
}
