package org.rtc4j.rtp.rtcp;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A picture loss indication, PLI (RFC 4585 §6.3.1): payload-specific feedback (PT 206, FMT 1) that
 * asks the sender of a video stream for a key frame. It has no FCI.
 *
 * @param senderSsrc the SSRC of the packet's sender
 * @param mediaSsrc the SSRC of the video stream that lost a picture
 */
public record Pli(long senderSsrc, long mediaSsrc) implements RtcpPacket {
  /** RFC 4585 §6.3: the FMT of a PLI. */
  public static final int FORMAT = 1;

  /** Checks the SSRCs. */
  public Pli {
    Unsigned.u32("sender SSRC", senderSsrc);
    Unsigned.u32("media SSRC", mediaSsrc);
  }

  /** Parses the one PLI that is exactly {@code data[offset, +length)}. */
  public static Pli parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.PSFB, FORMAT);
    ByteReader in = header.body;
    Pli pli = new Pli(in.u32(), in.u32());
    RtcpHeader.requireEnd(in, "PLI"); // RFC 4585 §6.3.1: the length field is 2
    return pli;
  }

  @Override
  public int packetType() {
    return RtcpPacketType.PSFB;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, FORMAT, RtcpPacketType.PSFB);
    out.u32(senderSsrc).u32(mediaSsrc);
    RtcpHeader.end(out, start);
  }
}
