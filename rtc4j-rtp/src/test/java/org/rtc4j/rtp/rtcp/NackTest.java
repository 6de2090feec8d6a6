package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class NackTest {
  /** RFC 4585 §6.2.1: a generic NACK of packets 8000, 8001 and 8003. */
  static final byte[] NACK =
      Hex.bytes(
          "81 cd 0003" // V=2 FMT=1, PT=205, 3 words follow
              + "00000001" // SSRC of packet sender
              + "1a2b3c4d" // SSRC of media source
              + "1f40 0005"); // PID 8000; BLP bits 0 and 2: 8001 and 8003

  @Test
  void parsesAndWritesBack() throws ParseException {
    Nack nack = RtcpAssert.parsesAndWritesBack(NACK, Nack::parse);
    assertEquals(1, nack.senderSsrc());
    assertEquals(0x1a2b3c4dL, nack.mediaSsrc());
    assertEquals(List.of(new Nack.Entry(8000, 5)), nack.entries());
    assertEquals(List.of(8000, 8001, 8003), nack.sequenceNumbers());
  }

  @Test
  void buildsTheFewestEntriesFromAscendingSequenceNumbers() throws ParseException {
    Nack nack = Nack.of(1, 2, List.of(8000, 8001, 8003, 8016, 8017, 8017, 8001));
    // 8016 is PID + 16, the last bit of the first entry; 8017 starts a second entry.
    assertEquals(List.of(new Nack.Entry(8000, 0x8005), new Nack.Entry(8017, 0)), nack.entries());
    assertEquals(List.of(8000, 8001, 8003, 8016, 8017), nack.sequenceNumbers());
    RtcpAssert.roundTrips(nack, Nack::parse);
  }

  @Test
  void buildsAcrossTheSixteenBitWrap() {
    Nack nack = Nack.of(1, 2, List.of(65534, 65535, 0, 3));
    assertEquals(List.of(new Nack.Entry(65534, 0b10011)), nack.entries());
    assertEquals(List.of(65534, 65535, 0, 3), nack.sequenceNumbers());
  }

  @Test
  void roundTripsManyEntries() throws ParseException {
    RtcpAssert.roundTrips(
        new Nack(
            0xFFFFFFFFL,
            0,
            List.of(new Nack.Entry(0, 0), new Nack.Entry(65535, 0xFFFF), new Nack.Entry(1, 1))),
        Nack::parse);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(NACK, Nack::parse);
    byte[] noEntries = Hex.bytes("81 cd 0002 00000001 00000002");
    assertThrows(ParseException.class, () -> Nack.parse(noEntries, 0, 12));
    byte[] pli = PliTest.PLI;
    assertThrows(ParseException.class, () -> Nack.parse(pli, 0, pli.length));
    assertThrows(IllegalArgumentException.class, () -> Nack.of(1, 2, List.of()));
    assertThrows(IllegalArgumentException.class, () -> Nack.of(1, 2, List.of(65536)));
    assertThrows(IllegalArgumentException.class, () -> new Nack.Entry(0, 0x10000));
  }
}
