package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class FirTest {
  /** RFC 5104 §4.3.1: a FIR of one source, command sequence number 7. */
  static final byte[] FIR =
      Hex.bytes(
          "84 ce 0004" // V=2 FMT=4, PT=206, 4 words follow
              + "00000001" // SSRC of packet sender
              + "00000000" // SSRC of media source: 0 (RFC 5104 §4.3.1.2)
              + "1a2b3c4d" // FCI: the source asked
              + "07 000000"); // command sequence number, reserved

  @Test
  void parsesAndWritesBack() throws ParseException {
    Fir fir = RtcpAssert.parsesAndWritesBack(FIR, Fir::parse);
    assertEquals(Fir.of(1, 0x1a2b3c4dL, 7), fir);
  }

  @Test
  void ignoresTheReservedBitsAndRoundTrips() throws ParseException {
    byte[] reservedSet = Hex.bytes("84 ce 0004 00000001 00000000 1a2b3c4d 07 ffffff");
    assertEquals(Fir.of(1, 0x1a2b3c4dL, 7), Fir.parse(reservedSet, 0, 20));
    RtcpAssert.roundTrips(
        new Fir(1, 2, List.of(new Fir.Entry(3, 255), new Fir.Entry(4, 0))), Fir::parse);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(FIR, Fir::parse);
    byte[] halfEntry = Hex.bytes("84 ce 0003 00000001 00000000 1a2b3c4d");
    assertThrows(ParseException.class, () -> Fir.parse(halfEntry, 0, 16));
    assertThrows(IllegalArgumentException.class, () -> new Fir.Entry(1, 256));
    assertThrows(IllegalArgumentException.class, () -> new Fir(1, 0, List.of()));
  }
}
