package org.rtc4j.sctp.packet;

import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * ABORT (RFC 9260 §3.3.7): ends the association at once, with the causes why.
 *
 * <pre>
 *  type 6 | flags: reserved(7) T | length
 *  zero or more error causes
 * </pre>
 *
 * @param tagReflected the T bit: the packet carries the receiver's own verification tag, reflected,
 *     instead of the peer's (RFC 9260 §8.5.1)
 * @param causes the error causes, in order
 */
public record AbortChunk(boolean tagReflected, List<ErrorCause> causes) implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 6;

  /** The T bit. */
  public static final int FLAG_TAG_REFLECTED = 0x01;

  /**
   * @throws IllegalArgumentException if the chunk would be too long
   */
  public AbortChunk {
    causes = List.copyOf(causes);
    Tlv.checkLength(HEADER_LENGTH + Tlv.listLength(causes, ErrorCause::serializedLength), "ABORT");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + (int) Tlv.listLength(causes, ErrorCause::serializedLength);
  }

  @Override
  public void writeTo(ByteWriter out) {
    Tlv.chunkHeader(out, TYPE, tagReflected ? FLAG_TAG_REFLECTED : 0, serializedLength());
    Tlv.writeCauses(out, causes);
  }

  static AbortChunk parseValue(int flags, ByteReader value) throws ParseException {
    return new AbortChunk((flags & FLAG_TAG_REFLECTED) != 0, Tlv.causes(value));
  }
}
