package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class RembTest {
  /** draft-alvestrand-rmcat-remb-03: 1 Mbit/s over one stream, as Chrome sends it. */
  static final byte[] REMB =
      Hex.bytes(
          "8f ce 0005" // V=2 FMT=15 (application layer feedback), PT=206, 5 words follow
              + "00000001" // SSRC of packet sender
              + "00000000" // SSRC of media source: unused, 0
              + "52454d42" // unique identifier "REMB"
              + "01" // one SSRC follows
              + "0bd090" // exponent 2, mantissa 250000: 1,000,000 bit/s
              + "1a2b3c4d"); // the stream

  @Test
  void parsesAndWritesBack() throws ParseException {
    Remb remb = RtcpAssert.parsesAndWritesBack(REMB, Remb::parse);
    assertEquals(1_000_000, remb.bitrate());
    assertEquals(2, remb.exponent());
    assertEquals(250_000, remb.mantissa());
    assertEquals(List.of(0x1a2b3c4dL), remb.ssrcs());
    assertEquals(remb, Remb.of(1, 1_000_000, List.of(0x1a2b3c4dL)));
  }

  @Test
  void choosesTheSmallestExponent() throws ParseException {
    assertEquals(0, Remb.of(1, 262_143, List.of()).exponent());
    assertEquals(1, Remb.of(1, 262_144, List.of()).exponent());
    Remb huge = Remb.of(1, Long.MAX_VALUE, List.of(1L, 2L));
    assertTrue(huge.bitrate() <= Long.MAX_VALUE && huge.bitrate() > Long.MAX_VALUE / 2);
    RtcpAssert.roundTrips(huge, Remb::parse);
    // A mantissa with low zero bits is kept as it came, so the bytes survive.
    RtcpAssert.roundTrips(new Remb(1, 0, 5, 2, List.of()), Remb::parse);
  }

  @Test
  void anotherApplicationLayerFeedbackIsUnknown() throws ParseException {
    byte[] other = REMB.clone();
    other[12] = 'X';
    RtcpPacket packet = RtcpPacket.parse(other, 0, other.length);
    assertTrue(packet instanceof UnknownRtcp);
    assertThrows(ParseException.class, () -> Remb.parse(other, 0, other.length));
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(REMB, Remb::parse);
    byte[] countTooHigh = REMB.clone();
    countTooHigh[16] = 2;
    assertThrows(ParseException.class, () -> Remb.parse(countTooHigh, 0, countTooHigh.length));
    // Exponent 63 with a mantissa of 1 overflows a long.
    byte[] overflow = Hex.bytes("8f ce 0004 00000001 00000000 52454d42 00 fc0001");
    assertThrows(ParseException.class, () -> Remb.parse(overflow, 0, overflow.length));
    assertThrows(IllegalArgumentException.class, () -> new Remb(1, 0, 63, 1, List.of()));
    assertThrows(IllegalArgumentException.class, () -> Remb.of(1, -1, List.of()));
  }
}
