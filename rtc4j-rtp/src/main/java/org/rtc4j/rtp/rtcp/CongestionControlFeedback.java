package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * RTCP congestion control feedback (RFC 8888 §3.1): transport layer feedback (PT 205, FMT 11) that
 * reports, per RTP stream, which packets of a range of sequence numbers arrived, when, and with
 * which ECN marking. Unlike the feedback header of RFC 4585, the second word is already the first
 * stream's SSRC.
 *
 * @param senderSsrc the SSRC of the packet's sender
 * @param reports one report block per stream
 * @param reportTimestamp when the report was made: the middle 32 bits of an NTP timestamp
 */
public record CongestionControlFeedback(
    long senderSsrc, List<CongestionControlFeedback.StreamReport> reports, long reportTimestamp)
    implements RtcpPacket {
  /** RFC 8888 §3.1: the FMT of congestion control feedback. */
  public static final int FORMAT = 11;

  /**
   * The report block of one stream (RFC 8888 §3.1): the packets from {@code beginSequence} on, one
   * metric block each.
   *
   * @param ssrc the stream's SSRC
   * @param beginSequence the sequence number of the first packet reported
   * @param metricBlocks one per sequence number from {@code beginSequence} on, at most 65535
   */
  public record StreamReport(long ssrc, int beginSequence, List<MetricBlock> metricBlocks) {
    /** Checks the fields and copies the blocks. */
    public StreamReport {
      Unsigned.u32("SSRC", ssrc);
      Unsigned.bits("begin_seq", beginSequence, 16);
      metricBlocks = List.copyOf(metricBlocks);
      if (metricBlocks.size() > 0xFFFF) {
        throw new IllegalArgumentException(metricBlocks.size() + " metric blocks");
      }
    }

    /** The sequence number the {@code index}-th metric block reports on. */
    public int sequenceNumber(int index) {
      Objects.checkIndex(index, metricBlocks.size());
      return (beginSequence + index) & 0xFFFF;
    }

    private int wireLength() {
      return 8 + 2 * metricBlocks.size() + (metricBlocks.size() % 2) * 2;
    }
  }

  /**
   * The 16-bit metric block of one packet (RFC 8888 §3.1). The fields are kept as they came, also
   * for packets not received (which the RFC says have ECN and ATO zero).
   *
   * @param received R: the packet arrived
   * @param ecn the ECN bits it arrived with, 0 to 3
   * @param arrivalTimeOffset ATO: how long before the report timestamp it arrived, in 1/1024
   *     seconds, 0 to 8191 (RFC 8888 gives the largest values meanings of their own)
   */
  public record MetricBlock(boolean received, int ecn, int arrivalTimeOffset) {
    /** Checks the field widths. */
    public MetricBlock {
      Unsigned.bits("ECN", ecn, 2);
      Unsigned.bits("arrival time offset", arrivalTimeOffset, 13);
    }

    private int toBits() {
      return (received ? 0x8000 : 0) | ecn << 13 | arrivalTimeOffset;
    }
  }

  /** Checks the fields and the total length; copies the reports. */
  public CongestionControlFeedback {
    Unsigned.u32("sender SSRC", senderSsrc);
    Unsigned.u32("report timestamp", reportTimestamp);
    reports = List.copyOf(reports);
    long length = 12 + 4;
    for (StreamReport report : reports) {
      length += report.wireLength();
    }
    if (length > RtcpPacket.MAX_LENGTH) {
      throw new IllegalArgumentException("feedback of " + length + " bytes");
    }
  }

  /**
   * Parses the one congestion control feedback packet that is exactly {@code data[offset,
   * +length)}.
   */
  public static CongestionControlFeedback parse(byte[] data, int offset, int length)
      throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.RTPFB, FORMAT);
    ByteReader in = header.body;
    long sender = in.u32();
    List<StreamReport> reports = new ArrayList<>();
    while (in.remaining() > 4) {
      long ssrc = in.u32();
      int begin = in.u16();
      int count = in.u16();
      in.require(2 * count + (count % 2) * 2 + 4, count + " metric blocks and the timestamp");
      List<MetricBlock> blocks = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int bits = in.u16();
        blocks.add(new MetricBlock((bits & 0x8000) != 0, (bits >>> 13) & 0x3, bits & 0x1FFF));
      }
      if (count % 2 == 1) {
        in.skip(2); // RFC 8888 §3.1: padding to 32 bits after an odd number of blocks
      }
      reports.add(new StreamReport(ssrc, begin, blocks));
    }
    long timestamp = in.u32();
    RtcpHeader.requireEnd(in, "congestion control feedback");
    return new CongestionControlFeedback(sender, reports, timestamp);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.RTPFB;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, FORMAT, RtcpPacketType.RTPFB);
    out.u32(senderSsrc);
    for (StreamReport report : reports) {
      out.u32(report.ssrc()).u16(report.beginSequence()).u16(report.metricBlocks().size());
      for (MetricBlock block : report.metricBlocks()) {
        out.u16(block.toBits());
      }
      if (report.metricBlocks().size() % 2 == 1) {
        out.u16(0);
      }
    }
    out.u32(reportTimestamp);
    RtcpHeader.end(out, start);
  }
}
