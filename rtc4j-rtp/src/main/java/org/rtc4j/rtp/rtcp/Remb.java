package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A receiver estimated maximum bitrate, REMB (draft-alvestrand-rmcat-remb-03): an application layer
 * feedback message (PT 206, FMT 15, identifier "REMB") with the total bitrate the receiver
 * estimates it can take over the named streams. The bitrate is {@code mantissa << exponent} bits
 * per second, an 18-bit mantissa and a 6-bit exponent; both are kept as they came, so that the
 * packet is written back byte for byte.
 *
 * @param senderSsrc the SSRC of the packet's sender
 * @param mediaSsrc the media source field, 0 in REMB (the streams are listed instead)
 * @param exponent the bitrate's exponent, 0 to 63
 * @param mantissa the bitrate's mantissa, 0 to 2^18 - 1
 * @param ssrcs the streams the estimate covers, at most 255
 */
public record Remb(long senderSsrc, long mediaSsrc, int exponent, int mantissa, List<Long> ssrcs)
    implements RtcpPacket {
  /** RFC 4585 §6.4: FMT 15 is application layer feedback. */
  public static final int FORMAT = 15;

  /** The 4-byte unique identifier, "REMB", that starts the FCI. */
  private static final int IDENTIFIER = 0x52454D42;

  private static final int MAX_MANTISSA = (1 << 18) - 1;

  /**
   * Checks every field, including that the bitrate fits in a {@code long}; copies the list.
   *
   * @throws IllegalArgumentException if not
   */
  public Remb {
    Unsigned.u32("sender SSRC", senderSsrc);
    Unsigned.u32("media SSRC", mediaSsrc);
    Unsigned.bits("exponent", exponent, 6);
    Unsigned.bits("mantissa", mantissa, 18);
    if (mantissa != 0 && exponent > Long.numberOfLeadingZeros(mantissa) - 1) {
      throw new IllegalArgumentException(
          "bitrate " + mantissa + " << " + exponent + " overflows 63 bits");
    }
    ssrcs = List.copyOf(ssrcs);
    if (ssrcs.size() > 255) {
      throw new IllegalArgumentException(ssrcs.size() + " SSRCs, at most 255");
    }
    for (long ssrc : ssrcs) {
      Unsigned.u32("SSRC", ssrc);
    }
  }

  /**
   * A REMB of {@code bitrate} bits per second over {@code ssrcs}, with the smallest exponent that
   * holds it (so the mantissa keeps as many bits as it can); the media source field is 0. Bitrates
   * that need more than 18 bits lose their low bits.
   */
  public static Remb of(long senderSsrc, long bitrate, List<Long> ssrcs) {
    if (bitrate < 0) {
      throw new IllegalArgumentException("negative bitrate " + bitrate);
    }
    int exponent = 0;
    while ((bitrate >>> exponent) > MAX_MANTISSA) {
      exponent++;
    }
    return new Remb(senderSsrc, 0, exponent, (int) (bitrate >>> exponent), ssrcs);
  }

  /**
   * Whether the PSFB FMT 15 packet in {@code data[offset, +length)} carries the REMB identifier.
   */
  static boolean isRemb(byte[] data, int offset, int length) {
    return length >= 16
        && ((data[offset + 12] & 0xFF) << 24
                | (data[offset + 13] & 0xFF) << 16
                | (data[offset + 14] & 0xFF) << 8
                | (data[offset + 15] & 0xFF))
            == IDENTIFIER;
  }

  /** Parses the one REMB that is exactly {@code data[offset, +length)}. */
  public static Remb parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.PSFB, FORMAT);
    ByteReader in = header.body;
    long sender = in.u32();
    long media = in.u32();
    if (in.i32() != IDENTIFIER) {
      throw new ParseException("application layer feedback without the REMB identifier", 12);
    }
    int count = in.u8();
    int bits = in.u24();
    int exponent = bits >>> 18;
    int mantissa = bits & MAX_MANTISSA;
    if (mantissa != 0 && exponent > Long.numberOfLeadingZeros(mantissa) - 1) {
      throw new ParseException("REMB bitrate overflows 63 bits", 17);
    }
    if (in.remaining() != 4 * count) {
      throw new ParseException(
          "REMB lists " + count + " SSRCs in " + in.remaining() + " bytes", 16);
    }
    List<Long> ssrcs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ssrcs.add(in.u32());
    }
    return new Remb(sender, media, exponent, mantissa, ssrcs);
  }

  /** The estimated bitrate in bits per second: {@code mantissa << exponent}. */
  public long bitrate() {
    return (long) mantissa << exponent;
  }

  @Override
  public int packetType() {
    return RtcpPacketType.PSFB;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, FORMAT, RtcpPacketType.PSFB);
    out.u32(senderSsrc).u32(mediaSsrc).u32(IDENTIFIER);
    out.u8(ssrcs.size()).u24((exponent << 18) | mantissa);
    for (long ssrc : ssrcs) {
      out.u32(ssrc);
    }
    RtcpHeader.end(out, start);
  }
}
