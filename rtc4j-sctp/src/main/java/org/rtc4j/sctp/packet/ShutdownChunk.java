package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * SHUTDOWN (RFC 9260 §3.3.8): starts a graceful close.
 *
 * <pre>
 *  type 7 | flags 0 | length = 8
 *  cumulative TSN ack
 * </pre>
 *
 * @param cumulativeTsnAck the last TSN received with no gap before it (raw 32 bits)
 */
public record ShutdownChunk(int cumulativeTsnAck) implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 7;

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
    Tlv.chunkHeader(out, TYPE, 0, LENGTH);
    out.u32(cumulativeTsnAck);
  }

  static ShutdownChunk parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, LENGTH - HEADER_LENGTH, "SHUTDOWN");
    return new ShutdownChunk(value.i32());
  }
}
