package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * SHUTDOWN ACK (RFC 9260 §3.3.9): acknowledges a SHUTDOWN once all data is acknowledged.
 *
 * <pre>
 *  type 8 | flags 0 | length = 4
 * </pre>
 */
public record ShutdownAckChunk() implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 8;

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
    Tlv.chunkHeader(out, TYPE, 0, HEADER_LENGTH);
  }

  static ShutdownAckChunk parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, 0, "SHUTDOWN ACK");
    return new ShutdownAckChunk();
  }
}
