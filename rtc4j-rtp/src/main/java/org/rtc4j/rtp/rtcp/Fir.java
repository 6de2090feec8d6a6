package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A full intra request, FIR (RFC 5104 §4.3.1): payload-specific feedback (PT 206, FMT 4) asking
 * each named media sender for a decoder refresh point. Each entry carries a command sequence
 * number, so that a repeated request is not taken for a new one.
 *
 * @param senderSsrc the SSRC of the packet's sender
 * @param mediaSsrc the media source field, which RFC 5104 §4.3.1.2 says is 0 (the entries name the
 *     sources); kept as it came
 * @param entries the requests, at least one
 */
public record Fir(long senderSsrc, long mediaSsrc, List<Fir.Entry> entries) implements RtcpPacket {
  /** RFC 5104 §4.3.1: the FMT of a FIR. */
  public static final int FORMAT = 4;

  /**
   * One FCI entry (RFC 5104 §4.3.1.1): the source asked, and the command sequence number. The 24
   * reserved bits after it are written as zero and ignored when read.
   *
   * @param ssrc the media sender asked for a decoder refresh point
   * @param sequenceNumber the command sequence number, 0 to 255
   */
  public record Entry(long ssrc, int sequenceNumber) {
    /** Checks both fields. */
    public Entry {
      Unsigned.u32("SSRC", ssrc);
      Unsigned.bits("FIR sequence number", sequenceNumber, 8);
    }
  }

  /** Checks the SSRCs and that there is an entry; copies the entries. */
  public Fir {
    Unsigned.u32("sender SSRC", senderSsrc);
    Unsigned.u32("media SSRC", mediaSsrc);
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a FIR needs at least one entry");
    }
  }

  /** A FIR of one source, with the media source field 0 as RFC 5104 asks. */
  public static Fir of(long senderSsrc, long ssrc, int sequenceNumber) {
    return new Fir(senderSsrc, 0, List.of(new Entry(ssrc, sequenceNumber)));
  }

  /** Parses the one FIR that is exactly {@code data[offset, +length)}. */
  public static Fir parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.PSFB, FORMAT);
    ByteReader in = header.body;
    long sender = in.u32();
    long media = in.u32();
    if (!in.hasRemaining() || in.remaining() % 8 != 0) {
      throw new ParseException(
          "FIR FCI of " + in.remaining() + " bytes, not a positive multiple of 8", in.position());
    }
    List<Entry> entries = new ArrayList<>(in.remaining() / 8);
    while (in.hasRemaining()) {
      long ssrc = in.u32();
      int sequenceNumber = in.u8();
      in.skip(3); // RFC 5104 §4.3.1.1: reserved
      entries.add(new Entry(ssrc, sequenceNumber));
    }
    return new Fir(sender, media, entries);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.PSFB;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, FORMAT, RtcpPacketType.PSFB);
    out.u32(senderSsrc).u32(mediaSsrc);
    for (Entry entry : entries) {
      out.u32(entry.ssrc()).u8(entry.sequenceNumber()).u24(0);
    }
    RtcpHeader.end(out, start);
  }
}
