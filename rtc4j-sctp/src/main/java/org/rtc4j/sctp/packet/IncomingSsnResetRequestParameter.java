package org.rtc4j.sctp.packet;

import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Incoming SSN Reset Request (RFC 6525 §4.2): the sender asks the receiver to reset its outgoing
 * streams (the sender's incoming ones).
 *
 * <pre>
 *  type = 14 | length = 8 + 2 * N
 *  re-configuration request sequence number
 *  stream number 1 (16) | stream number 2 (16) | ...   (none: all streams)
 * </pre>
 *
 * @param requestSequenceNumber this request's number (raw 32 bits)
 * @param streamIds the streams to reset, 0–65535 each; empty for all of them
 */
public record IncomingSsnResetRequestParameter(int requestSequenceNumber, List<Integer> streamIds)
    implements Parameter {
  /** The parameter type. */
  public static final int TYPE = 14;

  /** Header and fixed fields. */
  static final int FIXED_LENGTH = 8;

  /**
   * @throws IllegalArgumentException if a stream is not 16 bits or the list is too long
   */
  public IncomingSsnResetRequestParameter {
    streamIds = List.copyOf(streamIds);
    OutgoingSsnResetRequestParameter.checkStreams(
        streamIds, FIXED_LENGTH, "Incoming SSN Reset Request");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return FIXED_LENGTH + 2 * streamIds.size();
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    out.u16(TYPE).u16(length).u32(requestSequenceNumber);
    for (int s : streamIds) {
      out.u16(s);
    }
    Tlv.pad(out, length);
  }

  static IncomingSsnResetRequestParameter parseValue(ByteReader value) throws ParseException {
    value.require(FIXED_LENGTH - HEADER_LENGTH, "Incoming SSN Reset Request fixed fields");
    return new IncomingSsnResetRequestParameter(
        value.i32(), OutgoingSsnResetRequestParameter.readStreams(value));
  }
}
