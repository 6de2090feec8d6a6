package org.rtc4j.rtp.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;

class TransportSequenceNumberTest {
  @Test
  void roundTrips() throws ParseException {
    byte[] out = new byte[2];
    new TransportSequenceNumber(0xfedc).write(out, 0);
    assertArrayEquals(new byte[] {(byte) 0xfe, (byte) 0xdc}, out);
    assertEquals(0xfedc, TransportSequenceNumber.parse(out, 0, 2).value());
  }

  @Test
  void refusesOtherLengthsAndValues() {
    // The -02 variant's 4 bytes carry a feedback request this extension does not have.
    assertThrows(ParseException.class, () -> TransportSequenceNumber.parse(new byte[4], 0, 4));
    assertThrows(ParseException.class, () -> TransportSequenceNumber.parse(new byte[4], 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new TransportSequenceNumber(65536));
  }
}
