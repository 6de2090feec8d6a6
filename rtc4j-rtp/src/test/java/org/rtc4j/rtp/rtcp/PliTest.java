package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class PliTest {
  /** RFC 4585 §6.3.1: a PLI, as a browser sends it when it needs a key frame. */
  static final byte[] PLI =
      Hex.bytes(
          "81 ce 0002" // V=2 FMT=1, PT=206, 2 words follow (no FCI)
              + "00000001" // SSRC of packet sender
              + "1a2b3c4d"); // SSRC of media source

  @Test
  void parsesAndWritesBack() throws ParseException {
    assertEquals(new Pli(1, 0x1a2b3c4dL), RtcpAssert.parsesAndWritesBack(PLI, Pli::parse));
    RtcpAssert.roundTrips(new Pli(0xFFFFFFFFL, 0), Pli::parse);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(PLI, Pli::parse);
    byte[] withFci = Hex.bytes("81 ce 0003 00000001 00000002 00000000");
    assertThrows(ParseException.class, () -> Pli.parse(withFci, 0, 16));
    assertThrows(IllegalArgumentException.class, () -> new Pli(-1, 0));
  }
}
