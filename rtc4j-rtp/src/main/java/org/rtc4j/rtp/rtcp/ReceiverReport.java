package org.rtc4j.rtp.rtcp;

import java.util.Arrays;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A receiver report, RR (RFC 3550 §6.4.2): up to 31 reception report blocks from a participant that
 * sends no media (or, with no blocks, the empty RR that starts a compound packet without news).
 *
 * @param ssrc the reporter's SSRC
 * @param reports the reception report blocks, at most 31
 * @param profileExtension profile-specific extension bytes after the blocks, a multiple of 4;
 *     usually empty
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reports, byte[] profileExtension)
    implements RtcpPacket {
  /** Checks the fields and copies the lists. */
  public ReceiverReport {
    Unsigned.u32("SSRC", ssrc);
    reports = List.copyOf(reports);
    if (reports.size() > SenderReport.MAX_REPORTS) {
      throw new IllegalArgumentException(reports.size() + " report blocks, at most 31");
    }
    profileExtension = SenderReport.checkExtension(profileExtension);
  }

  /** A receiver report without a profile-specific extension. */
  public ReceiverReport(long ssrc, List<ReportBlock> reports) {
    this(ssrc, reports, new byte[0]);
  }

  /** Parses the one RR that is exactly {@code data[offset, +length)}. */
  public static ReceiverReport parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.RR, -1);
    ByteReader in = header.body;
    long ssrc = in.u32();
    List<ReportBlock> reports = SenderReport.readReports(in, header.count);
    return new ReceiverReport(ssrc, reports, SenderReport.readExtension(in));
  }

  /** The profile-specific extension (a copy). */
  @Override
  public byte[] profileExtension() {
    return profileExtension.clone();
  }

  @Override
  public int packetType() {
    return RtcpPacketType.RR;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, reports.size(), RtcpPacketType.RR);
    out.u32(ssrc);
    for (ReportBlock block : reports) {
      block.write(out);
    }
    out.bytes(profileExtension);
    RtcpHeader.end(out, start);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReceiverReport r
        && ssrc == r.ssrc
        && reports.equals(r.reports)
        && Arrays.equals(profileExtension, r.profileExtension);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(ssrc) * 31 + reports.hashCode();
  }

  @Override
  public String toString() {
    return "ReceiverReport[ssrc="
        + ssrc
        + ", reports="
        + reports
        + ", profileExtension="
        + profileExtension.length
        + " bytes]";
  }
}
