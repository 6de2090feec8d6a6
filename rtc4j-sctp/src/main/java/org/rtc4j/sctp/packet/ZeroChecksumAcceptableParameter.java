package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Zero Checksum Acceptable (RFC 9653 §3): in INIT and INIT ACK, the sender accepts packets whose
 * checksum is 0 when the named alternate error detection method protects them.
 *
 * <pre>
 *  type = 0x8001 | length = 8
 *  error detection method identifier (EDMID)
 * </pre>
 *
 * @param errorDetectionMethod the EDMID (raw 32 bits); {@link #DTLS} for SCTP over DTLS
 */
public record ZeroChecksumAcceptableParameter(int errorDetectionMethod) implements Parameter {
  /** The parameter type. */
  public static final int TYPE = 0x8001;

  /** Its only length. */
  public static final int LENGTH = 8;

  /** EDMID 1: SCTP over DTLS (RFC 9653 §6). */
  public static final int DTLS = 1;

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
    out.u16(TYPE).u16(LENGTH).u32(errorDetectionMethod);
  }

  static ZeroChecksumAcceptableParameter parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, LENGTH - HEADER_LENGTH, "Zero Checksum Acceptable");
    return new ZeroChecksumAcceptableParameter(value.i32());
  }
}
