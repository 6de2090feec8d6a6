package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A sender report, SR (RFC 3550 §6.4.1): the sender's wallclock and RTP time and counts, and up to
 * 31 reception report blocks.
 *
 * @param ssrc the sender's SSRC
 * @param ntpTimestamp the wallclock time when the report was sent, 64-bit NTP format (seconds since
 *     1900 in the high 32 bits, fraction in the low 32)
 * @param rtpTimestamp the same instant in the RTP timestamp units of the sender's stream
 * @param packetCount RTP packets sent since the start
 * @param octetCount payload octets sent since the start
 * @param reports the reception report blocks, at most 31
 * @param profileExtension profile-specific extension bytes after the blocks (RFC 3550 §6.4.1), a
 *     multiple of 4; usually empty
 */
public record SenderReport(
    long ssrc,
    long ntpTimestamp,
    long rtpTimestamp,
    long packetCount,
    long octetCount,
    List<ReportBlock> reports,
    byte[] profileExtension)
    implements RtcpPacket {
  /** At most 31 report blocks fit in the 5-bit count. */
  public static final int MAX_REPORTS = 31;

  /** Checks the fields and copies the lists. */
  public SenderReport {
    Unsigned.u32("SSRC", ssrc);
    Unsigned.u32("RTP timestamp", rtpTimestamp);
    Unsigned.u32("sender's packet count", packetCount);
    Unsigned.u32("sender's octet count", octetCount);
    reports = List.copyOf(reports);
    if (reports.size() > MAX_REPORTS) {
      throw new IllegalArgumentException(reports.size() + " report blocks, at most 31");
    }
    profileExtension = checkExtension(profileExtension);
  }

  /** A sender report without a profile-specific extension. */
  public SenderReport(
      long ssrc,
      long ntpTimestamp,
      long rtpTimestamp,
      long packetCount,
      long octetCount,
      List<ReportBlock> reports) {
    this(ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount, reports, new byte[0]);
  }

  /** Parses the one SR that is exactly {@code data[offset, +length)}. */
  public static SenderReport parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.SR, -1);
    ByteReader in = header.body;
    long ssrc = in.u32();
    long ntp = in.i64();
    long rtp = in.u32();
    long packets = in.u32();
    long octets = in.u32();
    List<ReportBlock> reports = readReports(in, header.count);
    return new SenderReport(ssrc, ntp, rtp, packets, octets, reports, readExtension(in));
  }

  /**
   * The middle 32 bits of the NTP timestamp: what a receiver puts in its report block's LSR field
   * (RFC 3550 §6.4.1).
   */
  public long compactNtp() {
    return (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
  }

  /** The profile-specific extension (a copy). */
  @Override
  public byte[] profileExtension() {
    return profileExtension.clone();
  }

  @Override
  public int packetType() {
    return RtcpPacketType.SR;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, reports.size(), RtcpPacketType.SR);
    out.u32(ssrc).u64(ntpTimestamp).u32(rtpTimestamp).u32(packetCount).u32(octetCount);
    for (ReportBlock block : reports) {
      block.write(out);
    }
    out.bytes(profileExtension);
    RtcpHeader.end(out, start);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SenderReport r
        && ssrc == r.ssrc
        && ntpTimestamp == r.ntpTimestamp
        && rtpTimestamp == r.rtpTimestamp
        && packetCount == r.packetCount
        && octetCount == r.octetCount
        && reports.equals(r.reports)
        && Arrays.equals(profileExtension, r.profileExtension);
  }

  @Override
  public int hashCode() {
    return (int) (ssrc * 31 + ntpTimestamp) * 31 + reports.hashCode();
  }

  @Override
  public String toString() {
    return "SenderReport[ssrc="
        + ssrc
        + ", ntp="
        + Long.toHexString(ntpTimestamp)
        + ", rtp="
        + rtpTimestamp
        + ", packets="
        + packetCount
        + ", octets="
        + octetCount
        + ", reports="
        + reports
        + ", profileExtension="
        + profileExtension.length
        + " bytes]";
  }

  static List<ReportBlock> readReports(ByteReader in, int count) throws ParseException {
    in.require(count * ReportBlock.LENGTH, count + " report blocks");
    List<ReportBlock> reports = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      reports.add(ReportBlock.read(in));
    }
    return reports;
  }

  static byte[] readExtension(ByteReader in) throws ParseException {
    if (in.remaining() % 4 != 0) {
      // Only padding stripped by its count can leave a ragged end.
      throw new ParseException("report ends off a 32-bit boundary", in.position());
    }
    return in.bytes(in.remaining());
  }

  static byte[] checkExtension(byte[] extension) {
    if (extension.length % 4 != 0) {
      throw new IllegalArgumentException(
          "profile-specific extension of " + extension.length + " bytes, not a multiple of 4");
    }
    return extension.clone();
  }
}
