package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A slice loss indication, SLI (RFC 4585 §6.3.2): payload-specific feedback (PT 206, FMT 2) naming
 * lost macroblocks of a picture.
 *
 * @param senderSsrc the SSRC of the packet's sender
 * @param mediaSsrc the SSRC of the video stream
 * @param entries the lost runs of macroblocks, at least one
 */
public record Sli(long senderSsrc, long mediaSsrc, List<Sli.Entry> entries) implements RtcpPacket {
  /** RFC 4585 §6.3: the FMT of an SLI. */
  public static final int FORMAT = 2;

  /**
   * One FCI entry (RFC 4585 §6.3.2): 13 + 13 + 6 bits.
   *
   * @param first the first lost macroblock, 0 to 8191
   * @param number how many macroblocks were lost, 0 to 8191
   * @param pictureId the 6 least significant bits of the codec's picture id
   */
  public record Entry(int first, int number, int pictureId) {
    /** Checks each field's width. */
    public Entry {
      Unsigned.bits("first", first, 13);
      Unsigned.bits("number", number, 13);
      Unsigned.bits("picture id", pictureId, 6);
    }
  }

  /** Checks the SSRCs and that there is an entry; copies the entries. */
  public Sli {
    Unsigned.u32("sender SSRC", senderSsrc);
    Unsigned.u32("media SSRC", mediaSsrc);
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("an SLI needs at least one entry");
    }
  }

  /** Parses the one SLI that is exactly {@code data[offset, +length)}. */
  public static Sli parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.PSFB, FORMAT);
    ByteReader in = header.body;
    long sender = in.u32();
    long media = in.u32();
    if (!in.hasRemaining() || in.remaining() % 4 != 0) {
      throw new ParseException(
          "SLI FCI of " + in.remaining() + " bytes, not a positive multiple of 4", in.position());
    }
    List<Entry> entries = new ArrayList<>(in.remaining() / 4);
    while (in.hasRemaining()) {
      int bits = in.i32();
      entries.add(new Entry(bits >>> 19, (bits >>> 6) & 0x1FFF, bits & 0x3F));
    }
    return new Sli(sender, media, entries);
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
      out.u32(((long) entry.first() << 19) | ((long) entry.number() << 6) | entry.pictureId());
    }
    RtcpHeader.end(out, start);
  }
}
