package org.rtc4j.sctp.packet;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * I-FORWARD-TSN (RFC 8260 §2.3.1): PR-SCTP with I-DATA; the receiver is to move its cumulative TSN
 * ahead past abandoned messages, named by stream, U flag and MID.
 *
 * <pre>
 *  type 194 | flags 0 | length
 *  new cumulative TSN
 *  stream identifier (16) | reserved (15) U (1)     (repeated
 *  message identifier                                 together)
 * </pre>
 *
 * @param newCumulativeTsn the TSN the receiver's cumulative TSN ack moves to (raw 32 bits)
 * @param skippedStreams for each stream and ordering, the last MID skipped
 */
public record IForwardTsnChunk(int newCumulativeTsn, List<SkippedStream> skippedStreams)
    implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 194;

  /** The U flag in an entry's reserved field. */
  private static final int FLAG_UNORDERED = 0x0001;

  /**
   * @throws IllegalArgumentException if the chunk would be too long
   */
  public IForwardTsnChunk {
    skippedStreams = List.copyOf(skippedStreams);
    Tlv.checkLength(HEADER_LENGTH + 4 + 8L * skippedStreams.size(), "I-FORWARD-TSN");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + 4 + 8 * skippedStreams.size();
  }

  @Override
  public void writeTo(ByteWriter out) {
    Tlv.chunkHeader(out, TYPE, 0, serializedLength());
    out.u32(newCumulativeTsn);
    for (SkippedStream s : skippedStreams) {
      out.u16(s.streamId()).u16(s.unordered() ? FLAG_UNORDERED : 0).u32(s.sequence());
    }
  }

  static IForwardTsnChunk parseValue(ByteReader value) throws ParseException {
    value.require(4, "I-FORWARD-TSN new cumulative TSN");
    int newCumulativeTsn = value.i32();
    if (value.remaining() % 8 != 0) {
      throw new ParseException(
          "I-FORWARD-TSN streams take " + value.remaining() + " bytes, not a multiple of 8",
          value.position());
    }
    List<SkippedStream> streams = new ArrayList<>(value.remaining() / 8);
    while (value.hasRemaining()) {
      int streamId = value.u16();
      // The other 15 bits are reserved: ignored on receipt.
      boolean unordered = (value.u16() & FLAG_UNORDERED) != 0;
      streams.add(new SkippedStream(streamId, unordered, value.i32()));
    }
    return new IForwardTsnChunk(newCumulativeTsn, streams);
  }
}
