package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * An extended report, XR (RFC 3611 §2): report blocks from one participant. Browsers exchange RRTR
 * and DLRR blocks to measure the round-trip time of receive-only peers; other block types are kept
 * as {@link UnknownXrBlock}. The header's five reserved bits are ignored when read and written as
 * zero.
 *
 * @param ssrc the reporter's SSRC
 * @param blocks the report blocks, in order
 */
public record ExtendedReport(long ssrc, List<XrBlock> blocks) implements RtcpPacket {
  /** Checks the SSRC and copies the blocks. */
  public ExtendedReport {
    Unsigned.u32("SSRC", ssrc);
    blocks = List.copyOf(blocks);
  }

  /** Parses the one XR that is exactly {@code data[offset, +length)}. */
  public static ExtendedReport parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.XR, -1);
    ByteReader in = header.body;
    long ssrc = in.u32();
    List<XrBlock> blocks = new ArrayList<>();
    while (in.hasRemaining()) {
      int blockType = in.u8();
      int typeSpecific = in.u8();
      int words = in.u16();
      in.require(4 * words, "XR block of " + words + " words");
      XrBlock block =
          switch (blockType) {
            case ReceiverReferenceTime.BLOCK_TYPE -> ReceiverReferenceTime.read(in, words);
            case Dlrr.BLOCK_TYPE -> Dlrr.read(in, words);
            default -> new UnknownXrBlock(blockType, typeSpecific, in.bytes(4 * words));
          };
      blocks.add(block);
    }
    return new ExtendedReport(ssrc, blocks);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.XR;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, 0, RtcpPacketType.XR);
    out.u32(ssrc);
    for (XrBlock block : blocks) {
      block.write(out);
    }
    RtcpHeader.end(out, start);
  }
}
