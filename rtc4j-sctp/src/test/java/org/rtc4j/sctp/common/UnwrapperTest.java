package org.rtc4j.sctp.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnwrapperTest {
  @Test
  void tsnsKeepGrowingAcrossTheWrap() {
    Unwrapper tsns = Unwrapper.of32Bits();
    assertEquals(0xFFFF_FFFEL, tsns.unwrap(0xFFFF_FFFE));
    assertEquals(0xFFFF_FFFFL, tsns.unwrap(0xFFFF_FFFF));
    assertEquals(0x1_0000_0000L, tsns.unwrap(0));
    assertEquals(0x1_0000_0005L, tsns.unwrap(5));
    assertEquals(5, tsns.wrap(tsns.unwrap(5)));
  }

  @Test
  void aLateValueFromBeforeTheWrapStaysBehind() {
    Unwrapper tsns = Unwrapper.of32Bits();
    tsns.unwrap(0xFFFF_FFF0);
    tsns.unwrap(3);
    assertEquals(0xFFFF_FFFAL, tsns.peek(0xFFFF_FFFA));
    assertEquals(0x1_0000_0003L, tsns.peek(3), "peek does not move the reference");
  }

  @Test
  void ssnsWrapAt16Bits() {
    Unwrapper ssns = Unwrapper.of16Bits();
    assertEquals(65535, ssns.unwrap(65535));
    assertEquals(65536, ssns.unwrap(0));
    assertEquals(65535, ssns.unwrap(0xFFFF));
    ssns.reset();
    assertEquals(7, ssns.unwrap(7));
  }

  @Test
  void halfTheSpaceAheadIsTheLimit() {
    Unwrapper tsns = Unwrapper.of32Bits();
    tsns.unwrap(0);
    assertEquals(0x7FFF_FFFFL, tsns.peek(0x7FFF_FFFF));
    assertEquals(-0x8000_0000L, tsns.peek(0x8000_0000));
  }
}
