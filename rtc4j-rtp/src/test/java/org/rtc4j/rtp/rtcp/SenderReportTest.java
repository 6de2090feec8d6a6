package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class SenderReportTest {
  /** RFC 3550 §6.4.1: an SR with one report block. */
  static final byte[] WITH_BLOCK =
      Hex.bytes(
          "81 c8 000c" // V=2 RC=1, PT=200, 12 words follow
              + "1a2b3c4d" // sender SSRC
              + "e9a0f3c4 8b439581" // NTP timestamp: seconds, fraction
              + "0001e240" // RTP timestamp
              + "00000064" // sender's packet count: 100
              + "0001d4c0" // sender's octet count: 120000
              + "00000001" // block: SSRC of the source reported on
              + "05 fffffe" // fraction lost 5/256, cumulative lost -2 (duplicates)
              + "00011f40" // extended highest sequence number: 1 cycle, 8000
              + "00000010" // jitter
              + "f3c48b43" // LSR
              + "00008000"); // DLSR: half a second

  @Test
  void parsesAndWritesBack() throws ParseException {
    SenderReport sr = RtcpAssert.parsesAndWritesBack(WITH_BLOCK, SenderReport::parse);
    assertEquals(0x1a2b3c4dL, sr.ssrc());
    assertEquals(0xe9a0f3c48b439581L, sr.ntpTimestamp());
    assertEquals(0xf3c48b43L, sr.compactNtp());
    assertEquals(123456, sr.rtpTimestamp());
    assertEquals(100, sr.packetCount());
    assertEquals(120000, sr.octetCount());
    assertEquals(
        List.of(new ReportBlock(1, 5, -2, 0x11f40, 16, 0xf3c48b43L, 0x8000)), sr.reports());
    assertEquals(0, sr.profileExtension().length);
  }

  @Test
  void keepsAProfileSpecificExtension() throws ParseException {
    byte[] bytes =
        Hex.bytes("80 c8 0007 00000001 0000000000000000 00000000 00000000 00000000 cafebabe");
    SenderReport sr = RtcpAssert.parsesAndWritesBack(bytes, SenderReport::parse);
    assertArrayEquals(Hex.bytes("cafebabe"), sr.profileExtension());
  }

  @Test
  void roundTrips() throws ParseException {
    ReportBlock block = new ReportBlock(0xFFFFFFFFL, 255, (1 << 23) - 1, 0, 0, 0, 0xFFFFFFFFL);
    RtcpAssert.roundTrips(
        new SenderReport(7, -1L, 0xFFFFFFFFL, 1, 2, Collections.nCopies(31, block)),
        SenderReport::parse);
    RtcpAssert.roundTrips(new SenderReport(7, 0, 0, 0, 0, List.of()), SenderReport::parse);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(WITH_BLOCK, SenderReport::parse);
    byte[] tooManyBlocks = WITH_BLOCK.clone();
    tooManyBlocks[0] = (byte) 0x82; // RC=2, but one block follows
    assertThrows(ParseException.class, () -> SenderReport.parse(tooManyBlocks, 0, 52));
    assertThrows(ParseException.class, () -> SenderReport.parse(ReceiverReportTest.EMPTY, 0, 8));
  }

  @Test
  void refusesFieldsOutOfRange() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SenderReport(1, 0, 0, 0, 0, Collections.nCopies(32, block())));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SenderReport(1, 0, 0, 0, 0, List.of(), new byte[3]));
    assertThrows(IllegalArgumentException.class, () -> new ReportBlock(1, 256, 0, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new ReportBlock(1, 0, 1 << 23, 0, 0, 0, 0));
  }

  private static ReportBlock block() {
    return new ReportBlock(1, 0, 0, 0, 0, 0, 0);
  }
}
