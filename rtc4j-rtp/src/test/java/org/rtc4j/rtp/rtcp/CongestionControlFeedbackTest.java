package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;
import org.rtc4j.rtp.rtcp.CongestionControlFeedback.MetricBlock;
import org.rtc4j.rtp.rtcp.CongestionControlFeedback.StreamReport;

class CongestionControlFeedbackTest {
  /** RFC 8888 §3.1: one stream, three packets (an odd count, so padded), one of them lost. */
  static final byte[] ONE_STREAM =
      Hex.bytes(
          "8b cd 0006" // V=2 FMT=11, PT=205, 6 words follow
              + "00000001" // SSRC of RTCP packet sender
              + "1a2b3c4d" // SSRC of the 1st RTP stream
              + "1f40 0003" // begin_seq 8000, num_reports 3
              + "8010" // R=1 ECN=00, ATO 16/1024 s
              + "0000" // R=0: lost
              + "c005" // R=1 ECN=10 (ECT(0)), ATO 5/1024 s
              + "0000" // padding after an odd number of metric blocks
              + "12345678"); // report timestamp

  @Test
  void parsesAndWritesBack() throws ParseException {
    CongestionControlFeedback fb =
        RtcpAssert.parsesAndWritesBack(ONE_STREAM, CongestionControlFeedback::parse);
    assertEquals(1, fb.senderSsrc());
    assertEquals(0x12345678L, fb.reportTimestamp());
    StreamReport report = fb.reports().get(0);
    assertEquals(0x1a2b3c4dL, report.ssrc());
    assertEquals(8000, report.beginSequence());
    assertEquals(
        List.of(
            new MetricBlock(true, 0, 16),
            new MetricBlock(false, 0, 0),
            new MetricBlock(true, 2, 5)),
        report.metricBlocks());
    assertEquals(8002, report.sequenceNumber(2));
  }

  @Test
  void roundTrips() throws ParseException {
    RtcpAssert.roundTrips(
        new CongestionControlFeedback(
            1,
            List.of(
                new StreamReport(
                    2,
                    65535,
                    List.of(new MetricBlock(true, 3, 8191), new MetricBlock(false, 1, 1))),
                new StreamReport(3, 0, List.of()),
                new StreamReport(4, 9, Collections.nCopies(5, new MetricBlock(true, 1, 100)))),
            0xFFFFFFFFL),
        CongestionControlFeedback::parse);
    RtcpAssert.roundTrips(
        new CongestionControlFeedback(1, List.of(), 0), CongestionControlFeedback::parse);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(ONE_STREAM, CongestionControlFeedback::parse);
    byte[] tooManyReports = ONE_STREAM.clone();
    tooManyReports[15] = 5;
    assertThrows(
        ParseException.class, () -> CongestionControlFeedback.parse(tooManyReports, 0, 28));
    assertThrows(IllegalArgumentException.class, () -> new MetricBlock(true, 4, 0));
    assertThrows(IllegalArgumentException.class, () -> new MetricBlock(true, 0, 8192));
  }
}
