package org.rtc4j.rtp.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class PlayoutDelayTest {
  @Test
  void readsTwelveBitMinimumAndMaximum() throws ParseException {
    // min 0x00a (100 ms), max 0x0c8 (2 s)
    PlayoutDelay delay = PlayoutDelay.parse(Hex.bytes("00a 0c8"), 0, 3);
    assertEquals(new PlayoutDelay(10, 200), delay);
    assertEquals(100, delay.minimumMillis());
    assertEquals(2000, delay.maximumMillis());
  }

  @Test
  void roundTrips() throws ParseException {
    byte[] out = new byte[3];
    new PlayoutDelay(4095, 1).write(out, 0);
    assertArrayEquals(Hex.bytes("fff 001"), out);
    assertEquals(new PlayoutDelay(4095, 1), PlayoutDelay.parse(out, 0, 3));
  }

  @Test
  void refusesOtherLengthsAndDelays() {
    assertThrows(ParseException.class, () -> PlayoutDelay.parse(new byte[4], 0, 4));
    assertThrows(IllegalArgumentException.class, () -> new PlayoutDelay(4096, 0));
    assertThrows(IllegalArgumentException.class, () -> new PlayoutDelay(0, -1));
  }
}
