package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Add Outgoing Streams Request (RFC 6525 §4.5): the sender adds outgoing streams.
 *
 * <pre>
 *  type = 17 | length = 12
 *  re-configuration request sequence number
 *  number of new streams (16) | reserved (16)
 * </pre>
 *
 * @param requestSequenceNumber this request's number (raw 32 bits)
 * @param newStreams how many streams to add, 0–65535
 */
public record AddOutgoingStreamsRequestParameter(int requestSequenceNumber, int newStreams)
    implements Parameter {
  /** The parameter type. */
  public static final int TYPE = 17;

  /** Its only length. */
  public static final int LENGTH = 12;

  /**
   * @throws IllegalArgumentException if the number of new streams is not 16 bits
   */
  public AddOutgoingStreamsRequestParameter {
    if ((newStreams & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("new streams " + newStreams + " not 16 bits");
    }
  }

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
    out.u16(TYPE).u16(LENGTH).u32(requestSequenceNumber).u16(newStreams).u16(0);
  }

  static AddOutgoingStreamsRequestParameter parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, LENGTH - HEADER_LENGTH, "Add Outgoing Streams Request");
    int requestSequenceNumber = value.i32();
    int newStreams = value.u16();
    value.skip(2); // reserved
    return new AddOutgoingStreamsRequestParameter(requestSequenceNumber, newStreams);
  }
}
