package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class UnknownRtcpTest {
  /** RFC 5104 §4.2.1: a TMMBR (RTPFB FMT 3), which this package keeps as bytes. */
  static final byte[] TMMBR =
      Hex.bytes(
          "83 cd 0004" // V=2 FMT=3, PT=205, 4 words follow
              + "00000001 00000000" // sender and media SSRC
              + "1a2b3c4d" // FCI: the SSRC asked
              + "0bd09020"); // exponent, mantissa, overhead

  @Test
  void keepsUnknownFormatsAndTypesAsBytes() throws ParseException {
    UnknownRtcp tmmbr = RtcpAssert.parsesAndWritesBack(TMMBR, UnknownRtcp::parse);
    assertEquals(205, tmmbr.packetType());
    assertEquals(3, tmmbr.count());
    assertArrayEquals(java.util.Arrays.copyOfRange(TMMBR, 4, TMMBR.length), tmmbr.body());
    // RFC 5450 §3: transmission time offsets (IJ, PT 195), with padding kept as it came.
    byte[] ij = Hex.bytes("a1 c3 0002 00000010 00000002");
    UnknownRtcp packet = RtcpAssert.parsesAndWritesBack(ij, UnknownRtcp::parse);
    assertTrue(packet.padded());
  }

  @Test
  void roundTrips() throws ParseException {
    RtcpAssert.roundTrips(new UnknownRtcp(210, 31, false, new byte[8]), UnknownRtcp::parse);
    RtcpAssert.roundTrips(
        new UnknownRtcp(206, 9, true, Hex.bytes("00000000 00000004")), UnknownRtcp::parse);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(TMMBR, UnknownRtcp::parse);
    assertThrows(IllegalArgumentException.class, () -> new UnknownRtcp(256, 0, false, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new UnknownRtcp(200, 0, false, new byte[2]));
    assertThrows(IllegalArgumentException.class, () -> new UnknownRtcp(200, 0, true, new byte[4]));
  }
}
