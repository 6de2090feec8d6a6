package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class SliTest {
  /** RFC 4585 §6.3.2: macroblocks 5 to 14 of picture 3 were lost. */
  static final byte[] SLI =
      Hex.bytes(
          "82 ce 0003" // V=2 FMT=2, PT=206, 3 words follow
              + "00000001 1a2b3c4d" // sender and media SSRC
              + "00280283"); // first=5 (13 bits), number=10 (13 bits), picture id=3 (6 bits)

  @Test
  void parsesAndWritesBack() throws ParseException {
    Sli sli = RtcpAssert.parsesAndWritesBack(SLI, Sli::parse);
    assertEquals(List.of(new Sli.Entry(5, 10, 3)), sli.entries());
  }

  @Test
  void roundTrips() throws ParseException {
    RtcpAssert.roundTrips(
        new Sli(1, 2, List.of(new Sli.Entry(8191, 8191, 63), new Sli.Entry(0, 0, 0))), Sli::parse);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(SLI, Sli::parse);
    assertThrows(IllegalArgumentException.class, () -> new Sli(1, 2, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Sli.Entry(8192, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Sli.Entry(0, 0, 64));
  }
}
