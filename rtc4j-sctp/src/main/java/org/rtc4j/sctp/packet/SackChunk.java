package org.rtc4j.sctp.packet;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * SACK (RFC 9260 §3.3.4): what the receiver has of the sender's DATA.
 *
 * <pre>
 *  type 3 | flags 0 | length
 *  cumulative TSN ack
 *  advertised receiver window credit (a_rwnd)
 *  number of gap ack blocks (16) | number of duplicate TSNs (16)
 *  gap ack block start (16) | gap ack block end (16)     (repeated)
 *  duplicate TSN                                          (repeated)
 * </pre>
 *
 * <p>The length must match the two counts exactly; a gap ack block whose start is 0 or past its end
 * is malformed.
 *
 * @param cumulativeTsnAck the last TSN received with no gap before it (raw 32 bits)
 * @param advertisedReceiverWindowCredit the receive buffer space left, in bytes, 0 to 2^32-1
 * @param gapAckBlocks TSNs received past a gap, as offsets from {@code cumulativeTsnAck}
 * @param duplicateTsns TSNs received more than once since the last SACK (raw 32 bits)
 */
public record SackChunk(
    int cumulativeTsnAck,
    long advertisedReceiverWindowCredit,
    List<GapAckBlock> gapAckBlocks,
    List<Integer> duplicateTsns)
    implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 3;

  /** Header, cumulative TSN ack, a_rwnd and the two counts. */
  public static final int FIXED_LENGTH = 16;

  /**
   * @throws IllegalArgumentException if a_rwnd is out of range or the chunk would be too long
   */
  public SackChunk {
    gapAckBlocks = List.copyOf(gapAckBlocks);
    duplicateTsns = List.copyOf(duplicateTsns);
    if (advertisedReceiverWindowCredit < 0 || advertisedReceiverWindowCredit > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("a_rwnd " + advertisedReceiverWindowCredit);
    }
    Tlv.checkLength(FIXED_LENGTH + 4L * gapAckBlocks.size() + 4L * duplicateTsns.size(), "SACK");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return FIXED_LENGTH + 4 * gapAckBlocks.size() + 4 * duplicateTsns.size();
  }

  @Override
  public void writeTo(ByteWriter out) {
    Tlv.chunkHeader(out, TYPE, 0, serializedLength());
    out.u32(cumulativeTsnAck)
        .u32(advertisedReceiverWindowCredit)
        .u16(gapAckBlocks.size())
        .u16(duplicateTsns.size());
    for (GapAckBlock block : gapAckBlocks) {
      out.u16(block.start()).u16(block.end());
    }
    for (int tsn : duplicateTsns) {
      out.u32(tsn);
    }
  }

  static SackChunk parseValue(ByteReader value) throws ParseException {
    value.require(FIXED_LENGTH - Chunk.HEADER_LENGTH, "SACK fixed fields");
    int cumulativeTsnAck = value.i32();
    long arwnd = value.u32();
    int gapCount = value.u16();
    int dupCount = value.u16();
    if (value.remaining() != 4 * gapCount + 4 * dupCount) {
      throw new ParseException(
          "SACK with "
              + gapCount
              + " gap ack blocks and "
              + dupCount
              + " duplicate TSNs has "
              + value.remaining()
              + " bytes for them",
          value.position());
    }
    List<GapAckBlock> blocks = new ArrayList<>(gapCount);
    for (int i = 0; i < gapCount; i++) {
      int at = value.position();
      int start = value.u16();
      int end = value.u16();
      if (start == 0 || end < start) {
        throw new ParseException("gap ack block " + start + ".." + end, at);
      }
      blocks.add(new GapAckBlock(start, end));
    }
    List<Integer> duplicates = new ArrayList<>(dupCount);
    for (int i = 0; i < dupCount; i++) {
      duplicates.add(value.i32());
    }
    return new SackChunk(cumulativeTsnAck, arwnd, blocks, duplicates);
  }
}
