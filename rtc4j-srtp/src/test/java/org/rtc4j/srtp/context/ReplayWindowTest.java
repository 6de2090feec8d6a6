package org.rtc4j.srtp.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayWindowTest {

  @Test
  void acceptsEachIndexOnceAndNothingBehindTheWindow() {
    ReplayWindow window = new ReplayWindow(64);
    assertTrue(window.isFresh(1000));
    window.accept(1000);
    assertFalse(window.isFresh(1000), "a replay");
    assertTrue(window.isFresh(1000 - 63), "the window's far edge");
    assertFalse(window.isFresh(1000 - 64), "behind the window");
    window.accept(990);
    assertFalse(window.isFresh(990));
    assertTrue(window.isFresh(991));
    assertEquals(1000, window.highest());
  }

  @Test
  void aJumpForwardForgetsWhatFellOut() {
    ReplayWindow window = new ReplayWindow(64);
    window.accept(10);
    window.accept(10 + 64); // 10 is now just outside
    assertFalse(window.isFresh(10));
    window.accept(10 + 64 + 1000);
    assertTrue(window.isFresh(10 + 64 + 1000 - 63), "cleared by the jump, never seen");
  }

  /** Against a set of every index seen, over random forward jumps and late packets. */
  @ParameterizedTest
  @ValueSource(ints = {64, 128, 1024})
  void agreesWithAModel(int size) {
    SplittableRandom random = new SplittableRandom(size);
    ReplayWindow window = new ReplayWindow(size);
    Set<Long> seen = new HashSet<>();
    long highest = -1;
    for (int i = 0; i < 20000; i++) {
      long index =
          random.nextInt(4) == 0
              ? Math.max(0, highest - random.nextInt(size + 40))
              : highest + 1 + random.nextInt(random.nextInt(10) == 0 ? 3 * size : 3);
      boolean fresh = index > highest || (highest - index < size && !seen.contains(index));
      assertEquals(fresh, window.isFresh(index), "index " + index + " highest " + highest);
      if (fresh) {
        window.accept(index);
        seen.add(index);
        highest = Math.max(highest, index);
      }
    }
  }

  @Test
  void refusesSizesThatAreNotPowersOfTwoFrom64() {
    assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(32));
    assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(96));
  }
}
