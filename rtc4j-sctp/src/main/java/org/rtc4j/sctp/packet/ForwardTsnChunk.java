package org.rtc4j.sctp.packet;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * FORWARD TSN (RFC 3758 §3.2): PR-SCTP with DATA; the receiver is to move its cumulative TSN ahead
 * past abandoned messages.
 *
 * <pre>
 *  type 192 | flags 0 | length
 *  new cumulative TSN
 *  stream (16) | stream sequence (16)     (repeated)
 * </pre>
 *
 * <p>Its entries are about ordered messages only (RFC 3758 §3.5: unordered ones need none), so
 * every {@link SkippedStream} here has {@code unordered} false and a 16-bit {@code sequence}.
 *
 * @param newCumulativeTsn the TSN the receiver's cumulative TSN ack moves to (raw 32 bits)
 * @param skippedStreams for each stream, the last SSN skipped
 */
public record ForwardTsnChunk(int newCumulativeTsn, List<SkippedStream> skippedStreams)
    implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 192;

  /**
   * @throws IllegalArgumentException if an entry is unordered or its SSN is not 16 bits, or the
   *     chunk would be too long
   */
  public ForwardTsnChunk {
    skippedStreams = List.copyOf(skippedStreams);
    for (SkippedStream s : skippedStreams) {
      if (s.unordered() || (s.sequence() & ~0xFFFF) != 0) {
        throw new IllegalArgumentException("FORWARD TSN cannot carry " + s);
      }
    }
    Tlv.checkLength(HEADER_LENGTH + 4 + 4L * skippedStreams.size(), "FORWARD TSN");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + 4 + 4 * skippedStreams.size();
  }

  @Override
  public void writeTo(ByteWriter out) {
    Tlv.chunkHeader(out, TYPE, 0, serializedLength());
    out.u32(newCumulativeTsn);
    for (SkippedStream s : skippedStreams) {
      out.u16(s.streamId()).u16(s.sequence());
    }
  }

  static ForwardTsnChunk parseValue(ByteReader value) throws ParseException {
    value.require(4, "FORWARD TSN new cumulative TSN");
    int newCumulativeTsn = value.i32();
    if (value.remaining() % 4 != 0) {
      throw new ParseException(
          "FORWARD TSN streams take " + value.remaining() + " bytes, not a multiple of 4",
          value.position());
    }
    List<SkippedStream> streams = new ArrayList<>(value.remaining() / 4);
    while (value.hasRemaining()) {
      streams.add(new SkippedStream(value.u16(), false, value.u16()));
    }
    return new ForwardTsnChunk(newCumulativeTsn, streams);
  }
}
