package org.rtc4j.rtp.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;

class AbsSendTimeTest {
  @Test
  void isSixPointEighteenFixedPointSecondsModulo64() {
    assertEquals(0, AbsSendTime.ofNanos(0).value());
    assertEquals(1 << 18, AbsSendTime.ofNanos(1_000_000_000L).value());
    assertEquals(1 << 17, AbsSendTime.ofNanos(500_000_000L).value());
    assertEquals((63 << 18) | (1 << 17), AbsSendTime.ofNanos(63_500_000_000L).value());
    assertEquals(1 << 18, AbsSendTime.ofNanos(65_000_000_000L).value(), "wraps every 64 s");
    assertEquals(0xFFFFFF, AbsSendTime.ofNanos(-1).value(), "a clock before zero wraps too");
    assertEquals(500_000_000L, new AbsSendTime(1 << 17).nanos());
    assertEquals(63_999_996_185L, new AbsSendTime(0xFFFFFF).nanos());
  }

  @Test
  void roundTrips() throws ParseException {
    byte[] out = new byte[3];
    new AbsSendTime(0x0c3a94).write(out, 0);
    assertArrayEquals(new byte[] {0x0c, 0x3a, (byte) 0x94}, out);
    assertEquals(new AbsSendTime(0x0c3a94), AbsSendTime.parse(out, 0, 3));
  }

  @Test
  void refusesOtherLengthsAndValues() {
    assertThrows(ParseException.class, () -> AbsSendTime.parse(new byte[4], 0, 4));
    assertThrows(ParseException.class, () -> AbsSendTime.parse(new byte[4], 0, 2));
    assertThrows(IllegalArgumentException.class, () -> new AbsSendTime(1 << 24));
    assertThrows(IllegalArgumentException.class, () -> new AbsSendTime(-1));
  }
}
