package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Invalid Stream Identifier (RFC 9260 §3.3.10.1): DATA arrived for a stream that does not exist.
 *
 * <pre>
 *  cause code = 1 | cause length = 8
 *  stream identifier (16) | reserved (16)
 * </pre>
 *
 * @param streamId the stream, 0–65535
 */
public record InvalidStreamIdentifierCause(int streamId) implements ErrorCause {
  /** The cause code. */
  public static final int CODE = 1;

  /** Its only length. */
  public static final int LENGTH = 8;

  /**
   * @throws IllegalArgumentException if the stream is not 16 bits
   */
  public InvalidStreamIdentifierCause {
    if ((streamId & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("stream " + streamId + " not 16 bits");
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
    out.u16(CODE).u16(LENGTH).u16(streamId).u16(0);
  }

  static InvalidStreamIdentifierCause parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, LENGTH - HEADER_LENGTH, "Invalid Stream Identifier");
    int streamId = value.u16();
    value.skip(2); // reserved
    return new InvalidStreamIdentifierCause(streamId);
  }
}
