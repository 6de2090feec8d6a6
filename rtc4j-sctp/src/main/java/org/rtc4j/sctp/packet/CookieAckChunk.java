package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * COOKIE ACK (RFC 9260 §3.3.12): acknowledges a COOKIE ECHO; the association is established.
 *
 * <pre>
 *  type 11 | flags 0 | length = 4
 * </pre>
 */
public record CookieAckChunk() implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 11;

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

  static CookieAckChunk parseValue(ByteReader value) throws ParseException {
    Tlv.requireLength(value, 0, "COOKIE ACK");
    return new CookieAckChunk();
  }
}
