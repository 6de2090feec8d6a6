package org.rtc4j.dtls.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {

  @Test
  void acceptsEachNumberOnce() {
    ReplayWindow w = new ReplayWindow();
    for (long s = 0; s < 200; s++) {
      assertTrue(w.mayAccept(s));
      w.accept(s);
      assertFalse(w.mayAccept(s), "replay of " + s);
    }
    assertEquals(199, w.highest());
  }

  @Test
  void acceptsLateRecordsInsideTheWindowOnly() {
    ReplayWindow w = new ReplayWindow();
    w.accept(100);
    assertTrue(w.mayAccept(37), "63 behind is inside");
    assertFalse(w.mayAccept(36), "64 behind is outside");
    w.accept(50);
    assertFalse(w.mayAccept(50));
    assertTrue(w.mayAccept(51));
    assertTrue(w.mayAccept(99));
  }

  @Test
  void aBigJumpForgetsTheOldBitmap() {
    ReplayWindow w = new ReplayWindow();
    w.accept(1);
    w.accept(2);
    w.accept(1_000);
    assertFalse(w.mayAccept(2), "far behind now");
    assertTrue(w.mayAccept(999));
    w.accept(999);
    assertFalse(w.mayAccept(999));
    assertTrue(w.mayAccept(998));
  }

  @Test
  void theFirstNumberMayBeAnything() {
    ReplayWindow w = new ReplayWindow();
    assertTrue(w.mayAccept(0));
    assertTrue(w.mayAccept((1L << 48) - 1));
    w.accept(5);
    assertTrue(w.mayAccept(4), "below the first, within the window");
    w.accept(4);
    assertFalse(w.mayAccept(4));
    assertFalse(w.mayAccept(5));
  }
}
