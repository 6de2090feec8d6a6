package org.rtc4j.sctp.packet;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Outgoing SSN Reset Request (RFC 6525 §4.1): the sender resets its outgoing streams (the
 * receiver's incoming ones) once it has received everything up to its last assigned TSN.
 *
 * <pre>
 *  type = 13 | length = 16 + 2 * N
 *  re-configuration request sequence number
 *  re-configuration response sequence number
 *  sender's last assigned TSN
 *  stream number 1 (16) | stream number 2 (16) | ...   (none: all streams)
 * </pre>
 *
 * @param requestSequenceNumber this request's number (raw 32 bits)
 * @param responseSequenceNumber the number of the peer's request this answers, if any (raw 32 bits)
 * @param senderLastAssignedTsn the last TSN the sender assigned (raw 32 bits)
 * @param streamIds the streams to reset, 0–65535 each; empty for all of them
 */
public record OutgoingSsnResetRequestParameter(
    int requestSequenceNumber,
    int responseSequenceNumber,
    int senderLastAssignedTsn,
    List<Integer> streamIds)
    implements Parameter {
  /** The parameter type. */
  public static final int TYPE = 13;

  /** Header and fixed fields. */
  static final int FIXED_LENGTH = 16;

  /**
   * @throws IllegalArgumentException if a stream is not 16 bits or the list is too long
   */
  public OutgoingSsnResetRequestParameter {
    streamIds = List.copyOf(streamIds);
    checkStreams(streamIds, FIXED_LENGTH, "Outgoing SSN Reset Request");
  }

  static void checkStreams(List<Integer> streamIds, int fixedLength, String what) {
    for (int s : streamIds) {
      if ((s & ~0xFFFF) != 0) {
        throw new IllegalArgumentException("stream " + s + " not 16 bits");
      }
    }
    Tlv.checkLength(fixedLength + 2L * streamIds.size(), what);
  }

  static List<Integer> readStreams(ByteReader value) throws ParseException {
    if (value.remaining() % 2 != 0) {
      throw new ParseException("odd byte after the stream numbers", value.position());
    }
    List<Integer> streams = new ArrayList<>(value.remaining() / 2);
    while (value.hasRemaining()) {
      streams.add(value.u16());
    }
    return streams;
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
    out.u16(TYPE)
        .u16(length)
        .u32(requestSequenceNumber)
        .u32(responseSequenceNumber)
        .u32(senderLastAssignedTsn);
    for (int s : streamIds) {
      out.u16(s);
    }
    Tlv.pad(out, length);
  }

  static OutgoingSsnResetRequestParameter parseValue(ByteReader value) throws ParseException {
    value.require(FIXED_LENGTH - HEADER_LENGTH, "Outgoing SSN Reset Request fixed fields");
    return new OutgoingSsnResetRequestParameter(
        value.i32(), value.i32(), value.i32(), readStreams(value));
  }
}
