package org.rtc4j.sctp.packet;

import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * ERROR (RFC 9260 §3.3.10): reports conditions that do not end the association.
 *
 * <pre>
 *  type 9 | flags 0 | length
 *  one or more error causes
 * </pre>
 *
 * @param causes the error causes, in order
 */
public record ErrorChunk(List<ErrorCause> causes) implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 9;

  /**
   * @throws IllegalArgumentException if the chunk would be too long
   */
  public ErrorChunk {
    causes = List.copyOf(causes);
    Tlv.checkLength(HEADER_LENGTH + Tlv.listLength(causes, ErrorCause::serializedLength), "ERROR");
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
    Tlv.chunkHeader(out, TYPE, 0, serializedLength());
    Tlv.writeCauses(out, causes);
  }

  static ErrorChunk parseValue(ByteReader value) throws ParseException {
    return new ErrorChunk(Tlv.causes(value));
  }
}
