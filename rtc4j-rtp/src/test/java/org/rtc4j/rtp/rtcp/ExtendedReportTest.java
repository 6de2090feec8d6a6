package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class ExtendedReportTest {
  /** RFC 3611: an XR with an RRTR block (§4.4) and a DLRR block (§4.5). */
  static final byte[] RRTR_AND_DLRR =
      Hex.bytes(
          "80 cf 0008" // V=2, PT=207, 8 words follow
              + "00000001" // SSRC of the reporter
              + "04 00 0002" // BT=4 (RRTR), reserved, 2 words
              + "e9a0f3c4 8b439581" // NTP timestamp
              + "05 00 0003" // BT=5 (DLRR), reserved, 3 words: one sub-block
              + "1a2b3c4d" // the receiver answered
              + "f3c48b43" // LRR
              + "00008000"); // DLRR: half a second

  @Test
  void parsesAndWritesBack() throws ParseException {
    ExtendedReport xr = RtcpAssert.parsesAndWritesBack(RRTR_AND_DLRR, ExtendedReport::parse);
    assertEquals(1, xr.ssrc());
    ReceiverReferenceTime rrtr = (ReceiverReferenceTime) xr.blocks().get(0);
    assertEquals(0xe9a0f3c48b439581L, rrtr.ntpTimestamp());
    assertEquals(0xf3c48b43L, rrtr.compactNtp());
    assertEquals(
        new Dlrr(List.of(new Dlrr.SubBlock(0x1a2b3c4dL, 0xf3c48b43L, 0x8000))), xr.blocks().get(1));
  }

  @Test
  void keepsOtherBlocksAsBytes() throws ParseException {
    byte[] bytes =
        Hex.bytes(
            "80 cf 0005 00000001"
                + "07 aa 0002 0102030405060708" // BT=7 (VoIP metrics, say): kept raw
                + "05 00 0000"); // an empty DLRR
    ExtendedReport xr = RtcpAssert.parsesAndWritesBack(bytes, ExtendedReport::parse);
    UnknownXrBlock unknown = (UnknownXrBlock) xr.blocks().get(0);
    assertEquals(7, unknown.blockType());
    assertEquals(0xaa, unknown.typeSpecific());
    assertArrayEquals(Hex.bytes("0102030405060708"), unknown.content());
    assertEquals(new Dlrr(List.of()), xr.blocks().get(1));
  }

  @Test
  void roundTrips() throws ParseException {
    RtcpAssert.roundTrips(
        new ExtendedReport(
            5,
            List.of(
                new Dlrr(List.of(new Dlrr.SubBlock(1, 2, 3), new Dlrr.SubBlock(4, 5, 6))),
                new ReceiverReferenceTime(-1L),
                new UnknownXrBlock(255, 0, new byte[0]))),
        ExtendedReport::parse);
    RtcpAssert.roundTrips(new ExtendedReport(5, List.of()), ExtendedReport::parse);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(RRTR_AND_DLRR, ExtendedReport::parse);
    byte[] longRrtr = Hex.bytes("80 cf 0004 00000001 04 00 0003 e9a0f3c4 8b439581 00000000");
    assertThrows(ParseException.class, () -> ExtendedReport.parse(longRrtr, 0, 20));
    byte[] raggedDlrr = Hex.bytes("80 cf 0003 00000001 05 00 0001 1a2b3c4d");
    assertThrows(ParseException.class, () -> ExtendedReport.parse(raggedDlrr, 0, 16));
    byte[] overrun = Hex.bytes("80 cf 0003 00000001 07 00 0002 00000000");
    assertThrows(ParseException.class, () -> ExtendedReport.parse(overrun, 0, 16));
    assertThrows(IllegalArgumentException.class, () -> new UnknownXrBlock(1, 0, new byte[3]));
  }
}
