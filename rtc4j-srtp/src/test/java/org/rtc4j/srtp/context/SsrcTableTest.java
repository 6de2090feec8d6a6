package org.rtc4j.srtp.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SsrcTableTest {

  @Test
  void holdsUpToItsLimitWhateverTheSsrcs() {
    SsrcTable<String> table = new SsrcTable<>(100);
    for (int i = 0; i < 100; i++) {
      // Multiples of a large power of two: the same low bits, a test for the hash.
      table.add(i << 20, "s" + i);
    }
    assertTrue(table.isFull());
    assertEquals(100, table.size());
    for (int i = 0; i < 100; i++) {
      assertEquals("s" + i, table.get(i << 20));
    }
    assertNull(table.get(12345));
    assertThrows(IllegalStateException.class, () -> table.add(7, "one too many"));
  }

  @Test
  void refusesAnSsrcTwice() {
    SsrcTable<String> table = new SsrcTable<>(2);
    table.add(-1, "a");
    assertThrows(IllegalStateException.class, () -> table.add(-1, "b"));
    assertEquals("a", table.get(-1));
  }
}
