package org.rtc4j.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimerTableTest {
  enum Timer {
    RETRANSMIT,
    HEARTBEAT,
    CONSENT
  }

  @Test
  void earliestIsTheMinimumOfArmedTimers() {
    TimerTable<Timer> t = new TimerTable<>(Timer.class);
    assertEquals(Time.NEVER, t.earliest());
    assertNull(t.next());
    t.set(Timer.HEARTBEAT, 300);
    t.set(Timer.CONSENT, 200);
    assertEquals(200, t.earliest());
    assertEquals(Timer.CONSENT, t.next());
    t.stop(Timer.CONSENT);
    assertEquals(300, t.earliest());
    assertFalse(t.isArmed(Timer.CONSENT));
  }

  @Test
  void expireFiresOnceWhenDue() {
    TimerTable<Timer> t = new TimerTable<>(Timer.class);
    t.set(Timer.RETRANSMIT, 100);
    assertFalse(t.expire(Timer.RETRANSMIT, 99));
    assertTrue(t.expire(Timer.RETRANSMIT, 100));
    assertFalse(t.expire(Timer.RETRANSMIT, 101), "disarmed after firing");
    assertEquals(Time.NEVER, t.get(Timer.RETRANSMIT));
  }
}
