package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A DLRR report block (RFC 3611 §4.5): a sender's answer to receivers' {@link
 * ReceiverReferenceTime} blocks, one sub-block per receiver.
 *
 * @param subBlocks one per receiver answered
 */
public record Dlrr(List<Dlrr.SubBlock> subBlocks) implements XrBlock {
  /** RFC 3611 §4.5: the block type. */
  public static final int BLOCK_TYPE = 5;

  /**
   * One receiver's sub-block (RFC 3611 §4.5).
   *
   * @param ssrc the receiver answered
   * @param lastReceiverReport LRR: the middle 32 bits of the NTP timestamp of its last RRTR, 0 if
   *     none
   * @param delaySinceLastReceiverReport DLRR: the delay since that RRTR, in 1/65536 seconds
   */
  public record SubBlock(long ssrc, long lastReceiverReport, long delaySinceLastReceiverReport) {
    /** Checks the 32-bit fields. */
    public SubBlock {
      Unsigned.u32("SSRC", ssrc);
      Unsigned.u32("LRR", lastReceiverReport);
      Unsigned.u32("DLRR", delaySinceLastReceiverReport);
    }
  }

  /** Checks the count (the block length field holds 3 words per sub-block) and copies the list. */
  public Dlrr {
    subBlocks = List.copyOf(subBlocks);
    if (3L * subBlocks.size() > 0xFFFF) {
      throw new IllegalArgumentException(subBlocks.size() + " DLRR sub-blocks");
    }
  }

  /** Reads the block's content: the header has been read and said {@code words} words. */
  static Dlrr read(ByteReader in, int words) throws ParseException {
    if (words % 3 != 0) {
      throw new ParseException(
          "DLRR block of " + words + " words, not a multiple of 3", in.position() - 2);
    }
    List<SubBlock> subBlocks = new ArrayList<>(words / 3);
    for (int i = 0; i < words / 3; i++) {
      subBlocks.add(new SubBlock(in.u32(), in.u32(), in.u32()));
    }
    return new Dlrr(subBlocks);
  }

  @Override
  public int blockType() {
    return BLOCK_TYPE;
  }

  @Override
  public void write(ByteWriter out) {
    out.u8(BLOCK_TYPE).u8(0).u16(3 * subBlocks.size());
    for (SubBlock sub : subBlocks) {
      out.u32(sub.ssrc()).u32(sub.lastReceiverReport()).u32(sub.delaySinceLastReceiverReport());
    }
  }
}
