package org.rtc4j.rtp.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;

/** {@link Mid}, {@link RtpStreamId} and {@link RepairedRtpStreamId}, which share their text. */
class SdesItemTextTest {
  @Test
  void roundTripsEachIdentifier() throws ParseException {
    Mid mid = new Mid("audio-0");
    byte[] out = new byte[mid.length()];
    mid.write(out, 0);
    assertArrayEquals("audio-0".getBytes(StandardCharsets.US_ASCII), out);
    assertEquals(mid, Mid.parse(out, 0, out.length));
    assertEquals(new RtpStreamId("audio-0"), RtpStreamId.parse(out, 0, out.length));
    assertEquals(new RepairedRtpStreamId("audio-0"), RepairedRtpStreamId.parse(out, 0, out.length));
  }

  @Test
  void zeroBytesAfterTheTextArePadding() throws ParseException {
    assertEquals(new RtpStreamId("hi"), RtpStreamId.parse(new byte[] {'h', 'i', 0, 0}, 0, 4));
  }

  @Test
  void refusesEmptyAndInvisibleText() {
    assertThrows(ParseException.class, () -> Mid.parse(new byte[] {0, 'a'}, 0, 2));
    assertThrows(ParseException.class, () -> Mid.parse(new byte[0], 0, 0));
    assertThrows(ParseException.class, () -> Mid.parse(new byte[] {'a', ' ', 'b'}, 0, 3));
    assertThrows(
        ParseException.class, () -> Mid.parse(new byte[] {(byte) 0xc3, (byte) 0xa9}, 0, 2));
    assertThrows(IllegalArgumentException.class, () -> new Mid(""));
    assertThrows(IllegalArgumentException.class, () -> new RtpStreamId("a b"));
    assertThrows(IllegalArgumentException.class, () -> new RepairedRtpStreamId("é"));
    assertThrows(IllegalArgumentException.class, () -> new Mid("x".repeat(256)));
    assertEquals(255, new Mid("x".repeat(255)).length());
  }
}
