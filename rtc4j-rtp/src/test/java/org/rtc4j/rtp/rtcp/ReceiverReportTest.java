package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class ReceiverReportTest {
  /** RFC 3550 §6.4.2: the empty RR that opens a compound packet of a receiver with no news. */
  static final byte[] EMPTY = Hex.bytes("80 c9 0001 00000001");

  /** An RR with one block, as a receive-only browser sends it. */
  static final byte[] WITH_BLOCK =
      Hex.bytes(
          "81 c9 0007" // V=2 RC=1, PT=201, 7 words follow
              + "00000001" // reporter SSRC
              + "1a2b3c4d" // block: SSRC of the source reported on
              + "05 000003" // fraction lost 5/256, cumulative lost 3
              + "00011f40 00000010 f3c48b43 00008000"); // highest seq, jitter, LSR, DLSR

  @Test
  void parsesAndWritesBack() throws ParseException {
    ReceiverReport empty = RtcpAssert.parsesAndWritesBack(EMPTY, ReceiverReport::parse);
    assertEquals(1, empty.ssrc());
    assertTrue(empty.reports().isEmpty());
    ReceiverReport rr = RtcpAssert.parsesAndWritesBack(WITH_BLOCK, ReceiverReport::parse);
    assertEquals(3, rr.reports().get(0).cumulativeLost());
    assertEquals(0x8000, rr.reports().get(0).delaySinceLastSenderReport());
  }

  @Test
  void roundTrips() throws ParseException {
    RtcpAssert.roundTrips(
        new ReceiverReport(
            9,
            List.of(
                new ReportBlock(1, 2, -(1 << 23), 4, 5, 6, 7),
                new ReportBlock(8, 0, 0, 0, 0, 0, 0)),
            Hex.bytes("0102030405060708")),
        ReceiverReport::parse);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(WITH_BLOCK, ReceiverReport::parse);
    RtcpAssert.refusesMalformed(EMPTY, ReceiverReport::parse);
  }
}
