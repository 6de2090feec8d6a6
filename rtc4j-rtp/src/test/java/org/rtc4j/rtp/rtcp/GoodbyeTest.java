package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class GoodbyeTest {
  /** RFC 3550 §6.6: one source leaves, as browsers send it when a track stops. */
  static final byte[] ONE_SOURCE = Hex.bytes("81 cb 0001 1a2b3c4d");

  /** Two sources and a reason. */
  static final byte[] WITH_REASON =
      Hex.bytes(
          "82 cb 0004" // V=2 SC=2, PT=203, 4 words follow
              + "1a2b3c4d 00000002" // the sources
              + "05 6c65617665" // reason: 5 bytes, "leave"
              + "0000"); // zeros to the 32-bit boundary

  @Test
  void parsesAndWritesBack() throws ParseException {
    assertEquals(
        Goodbye.of(0x1a2b3c4dL), RtcpAssert.parsesAndWritesBack(ONE_SOURCE, Goodbye::parse));
    Goodbye bye = RtcpAssert.parsesAndWritesBack(WITH_REASON, Goodbye::parse);
    assertEquals(List.of(0x1a2b3c4dL, 2L), bye.sources());
    assertEquals(Optional.of("leave"), bye.reason());
  }

  @Test
  void roundTripsReasonsOfEveryLength() throws ParseException {
    for (int length = 0; length < 9; length++) {
      RtcpAssert.roundTrips(
          new Goodbye(List.of(1L), Optional.of("\u00e9".repeat(length))), Goodbye::parse);
    }
    RtcpAssert.roundTrips(
        new Goodbye(Collections.nCopies(31, 5L), Optional.empty()), Goodbye::parse);
    RtcpAssert.roundTrips(new Goodbye(List.of(), Optional.of("x".repeat(255))), Goodbye::parse);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(WITH_REASON, Goodbye::parse);
    RtcpAssert.refusesMalformed(ONE_SOURCE, Goodbye::parse);
    byte[] notUtf8 = Hex.bytes("81 cb 0002 00000001 02 ff fe 00");
    assertThrows(ParseException.class, () -> Goodbye.parse(notUtf8, 0, 12));
    byte[] dirtyPadding = Hex.bytes("81 cb 0002 00000001 01 61 00 01");
    assertThrows(ParseException.class, () -> Goodbye.parse(dirtyPadding, 0, 12));
    byte[] wordAfterReason = Hex.bytes("81 cb 0003 00000001 01 61 0000 00000000");
    assertThrows(ParseException.class, () -> Goodbye.parse(wordAfterReason, 0, 16));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Goodbye(List.of(), Optional.of("\u00e9".repeat(128))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Goodbye(Collections.nCopies(32, 1L), Optional.empty()));
  }
}
