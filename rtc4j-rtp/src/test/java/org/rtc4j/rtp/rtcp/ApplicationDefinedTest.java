package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class ApplicationDefinedTest {
  /** RFC 3550 §6.7: subtype 2, name "rtc4", 4 bytes of data. */
  static final byte[] APP =
      Hex.bytes(
          "82 cc 0003" // V=2 subtype=2, PT=204, 3 words follow
              + "1a2b3c4d" // SSRC
              + "72746334" // name "rtc4"
              + "deadbeef"); // application data

  @Test
  void parsesAndWritesBack() throws ParseException {
    ApplicationDefined app = RtcpAssert.parsesAndWritesBack(APP, ApplicationDefined::parse);
    assertEquals(2, app.subtype());
    assertEquals("rtc4", app.name());
    assertArrayEquals(Hex.bytes("deadbeef"), app.data());
  }

  @Test
  void roundTrips() throws ParseException {
    RtcpAssert.roundTrips(
        new ApplicationDefined(31, 0xFFFFFFFFL, "\u00ff\u0000ab", new byte[0]),
        ApplicationDefined::parse);
    RtcpAssert.roundTrips(
        new ApplicationDefined(0, 1, "name", new byte[64]), ApplicationDefined::parse);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(APP, ApplicationDefined::parse);
    assertThrows(
        IllegalArgumentException.class, () -> new ApplicationDefined(0, 1, "abc", new byte[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ApplicationDefined(0, 1, "ab\u20ac", new byte[0]));
    assertThrows(
        IllegalArgumentException.class, () -> new ApplicationDefined(32, 1, "abcd", new byte[0]));
    assertThrows(
        IllegalArgumentException.class, () -> new ApplicationDefined(0, 1, "abcd", new byte[2]));
  }
}
