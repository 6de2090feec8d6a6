package org.rtc4j.sctp.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CongestionControlTest {
  private static final int MTU = 1200;

  @Test
  void theInitialWindowFollowsRfc9260() {
    assertEquals(4404, CongestionControl.initialCwnd(1200)); // max(2400, 4404), below 4800
    assertEquals(4 * 1000, CongestionControl.initialCwnd(1000)); // 4404 is above 4 MTUs
    assertEquals(2 * 9000, CongestionControl.initialCwnd(9000)); // jumbo: 2 MTUs
  }

  @Test
  void slowStartGrowsByAtMostOneMtuPerSackAndOnlyWhenTheWindowWasFull() {
    CongestionControl cc = new CongestionControl(MTU, 4800, 100_000);
    cc.onAcked(500, 4800, false);
    assertEquals(5300, cc.cwnd(), "by the bytes acknowledged, when fewer than an MTU");
    cc.onAcked(3000, 5300, false);
    assertEquals(6500, cc.cwnd(), "by one MTU, when more");
    cc.onAcked(3000, 6499, false);
    assertEquals(6500, cc.cwnd(), "not when the window was not fully used");
    cc.onAcked(3000, 6500, true);
    assertEquals(6500, cc.cwnd(), "not in Fast Recovery");
    assertEquals(0, cc.partialBytesAcked());
  }

  @Test
  void congestionAvoidanceGrowsByOneMtuPerWindowOfAcknowledgedData() {
    CongestionControl cc = new CongestionControl(MTU, 6000, 4800);
    assertFalse(cc.inSlowStart());
    // 6000 bytes of acknowledgements in 1000-byte SACKs, window full each time.
    for (int i = 0; i < 5; i++) {
      cc.onAcked(1000, 6000, false);
      assertEquals(6000, cc.cwnd());
    }
    assertEquals(5000, cc.partialBytesAcked());
    cc.onAcked(1000, 6000, false);
    assertEquals(7200, cc.cwnd(), "a window's worth acknowledged: one MTU more");
    assertEquals(0, cc.partialBytesAcked(), "6000 - 6000");
    cc.onAcked(7500, 7200, false);
    assertEquals(8400, cc.cwnd());
    assertEquals(300, cc.partialBytesAcked());
  }

  @Test
  void congestionAvoidanceHoldsPartialBytesAtCwndWhenTheWindowIsNotFull() {
    CongestionControl cc = new CongestionControl(MTU, 6000, 4800);
    cc.onAcked(9000, 3000, false);
    assertEquals(6000, cc.cwnd());
    assertEquals(6000, cc.partialBytesAcked(), "RFC 9260 §7.2.2: reset to cwnd");
    cc.onAllAcked();
    assertEquals(0, cc.partialBytesAcked());
  }

  @Test
  void lossCutsTheWindow() {
    CongestionControl cc = new CongestionControl(MTU, 20_000, 100_000);
    cc.onFastRetransmit();
    assertEquals(10_000, cc.ssthresh());
    assertEquals(10_000, cc.cwnd());
    cc.onFastRetransmit();
    assertEquals(5_000, cc.cwnd());
    cc.onFastRetransmit();
    assertEquals(4 * MTU, cc.cwnd(), "never below 4 MTUs");
    cc.onRetransmitTimeout();
    assertEquals(4 * MTU, cc.ssthresh());
    assertEquals(MTU, cc.cwnd(), "T3-rtx: one MTU");
    assertTrue(cc.inSlowStart());
  }

  @Test
  void anIdleSenderHalvesItsWindowPerRtoDownToFourMtus() {
    CongestionControl cc = new CongestionControl(MTU, 40_000, 100_000);
    cc.onIdle(1);
    assertEquals(20_000, cc.cwnd());
    cc.onIdle(2);
    assertEquals(5_000, cc.cwnd());
    cc.onIdle(10);
    assertEquals(4 * MTU, cc.cwnd());
    assertEquals(100_000, cc.ssthresh(), "idling leaves ssthresh alone");
    cc.onRetransmitTimeout();
    cc.onIdle(3);
    assertEquals(MTU, cc.cwnd(), "a window below 4 MTUs is not raised");
  }
}
