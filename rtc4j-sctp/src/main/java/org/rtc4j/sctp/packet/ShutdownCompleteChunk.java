package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * SHUTDOWN COMPLETE (RFC 9260 §3.3.13): ends a graceful close.
 *
 * <pre>
 *  type 14 | flags: reserved(7) T | length = 4
 * </pre>
 *
 * @param tagReflected the T bit: the packet carries the receiver's own verification tag, reflected
 *     (RFC 9260 §8.5.1)
 */
public record ShutdownCompleteChunk(boolean tagReflected) implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 14;

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
    Tlv.chunkHeader(out, TYPE, tagReflected ? AbortChunk.FLAG_TAG_REFLECTED : 0, HEADER_LENGTH);
  }

  static ShutdownCompleteChunk parseValue(int flags, ByteReader value) throws ParseException {
    Tlv.requireLength(value, 0, "SHUTDOWN COMPLETE");
    return new ShutdownCompleteChunk((flags & AbortChunk.FLAG_TAG_REFLECTED) != 0);
  }
}
