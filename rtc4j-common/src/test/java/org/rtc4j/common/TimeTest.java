package org.rtc4j.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeTest {
  @Test
  void afterAddsAndSaturates() {
    assertEquals(1_500_000_000L, Time.after(Time.seconds(1), Time.millis(500)));
    assertEquals(-5L, Time.after(-10L, 5L), "nanoTime bases may be negative");
    assertEquals(Time.NEVER, Time.after(Long.MAX_VALUE - 3, 10));
    assertEquals(Time.NEVER, Time.after(Time.NEVER, 0));
    assertThrows(IllegalArgumentException.class, () -> Time.after(0, -1));
  }

  @Test
  void neverIsNeverDue() {
    assertFalse(Time.isDue(Time.NEVER, Long.MAX_VALUE));
    assertTrue(Time.isDue(5, 5));
    assertFalse(Time.isDue(6, 5));
    assertEquals(1_000L, Time.micros(1));
  }
}
