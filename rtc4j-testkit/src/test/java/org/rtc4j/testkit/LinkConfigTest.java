package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.Time;

class LinkConfigTest {

  @Test
  void defaultsAreAllOff() {
    LinkConfig c = LinkConfig.builder().build();
    assertEquals(0, c.delayNanos());
    assertEquals(0, c.jitterNanos());
    assertEquals(0.0, c.loss());
    assertEquals(0.0, c.duplication());
    assertEquals(0.0, c.reorder());
    assertEquals(Time.millis(10), c.reorderDelayNanos());
    assertEquals(LinkConfig.UNLIMITED_MTU, c.mtu());
    assertEquals(0, c.bandwidthBitsPerSecond());
    assertEquals(Time.seconds(1), c.maxQueueDelayNanos());
    assertFalse(c.isDown());
    assertEquals(LinkConfig.ideal(), c);
  }

  @Test
  void reorderDelayFollowsTheDelayUnlessSet() {
    LinkConfig delayed = LinkConfig.builder().delayNanos(Time.millis(30)).build();
    assertEquals(Time.millis(30), delayed.reorderDelayNanos());
    LinkConfig set = delayed.toBuilder().reorderDelayNanos(Time.millis(5)).build();
    assertEquals(Time.millis(5), set.reorderDelayNanos());
    LinkConfig zero = delayed.toBuilder().reorderDelayNanos(0).build();
    assertEquals(0, zero.reorderDelayNanos());
  }

  @Test
  void downLosesEverything() {
    assertTrue(LinkConfig.down().isDown());
    assertEquals(1.0, LinkConfig.down().loss());
  }

  @Test
  void toBuilderKeepsEverySetting() {
    LinkConfig c =
        LinkConfig.builder()
            .delayNanos(1)
            .jitterNanos(2)
            .loss(0.1)
            .duplication(0.2)
            .reorder(0.3)
            .reorderDelayNanos(4)
            .mtu(1200)
            .bandwidthBitsPerSecond(1_000_000)
            .maxQueueDelayNanos(5)
            .build();
    assertEquals(c, c.toBuilder().build());
    assertEquals(c.hashCode(), c.toBuilder().build().hashCode());
    assertNotEquals(c, c.toBuilder().mtu(1201).build());
  }

  @Test
  void rejectsValuesOutsideTheirRange() {
    LinkConfig.Builder b = LinkConfig.builder();
    assertThrows(IllegalArgumentException.class, () -> b.loss(-0.01));
    assertThrows(IllegalArgumentException.class, () -> b.loss(1.01));
    assertThrows(IllegalArgumentException.class, () -> b.loss(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> b.duplication(2));
    assertThrows(IllegalArgumentException.class, () -> b.reorder(-1));
    assertThrows(IllegalArgumentException.class, () -> b.delayNanos(-1));
    assertThrows(IllegalArgumentException.class, () -> b.jitterNanos(-1));
    assertThrows(IllegalArgumentException.class, () -> b.reorderDelayNanos(-1));
    assertThrows(IllegalArgumentException.class, () -> b.maxQueueDelayNanos(-1));
    assertThrows(IllegalArgumentException.class, () -> b.mtu(0));
    assertThrows(IllegalArgumentException.class, () -> b.bandwidthBitsPerSecond(-1));
    // The edges are valid.
    assertEquals(1.0, b.loss(1.0).build().loss());
    assertEquals(0.0, b.loss(0.0).build().loss());
  }
}
