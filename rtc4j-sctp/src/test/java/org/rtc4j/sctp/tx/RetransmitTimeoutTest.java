package org.rtc4j.sctp.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.Time;

class RetransmitTimeoutTest {
  private final RetransmitTimeout rto =
      new RetransmitTimeout(Time.seconds(1), Time.millis(10), Time.seconds(60));

  @Test
  void beforeAnySampleTheRtoIsTheInitialOne() {
    assertEquals(Time.seconds(1), rto.rto());
    assertFalse(rto.hasMeasurement());
    assertEquals(0, rto.srtt());
  }

  @Test
  void rfc6298FormulasKnownAnswers() {
    // C2: the first sample R = 100 ms gives SRTT = 100, RTTVAR = 50, RTO = 100 + 4 * 50 = 300.
    rto.observeRtt(Time.millis(100));
    assertEquals(Time.millis(100), rto.srtt());
    assertEquals(Time.millis(50), rto.rttvar());
    assertEquals(Time.millis(300), rto.rto());
    // C3: R' = 200 ms: RTTVAR = 3/4 * 50 + 1/4 * |100 - 200| = 62.5,
    // SRTT = 7/8 * 100 + 1/8 * 200 = 112.5, RTO = 112.5 + 4 * 62.5 = 362.5.
    rto.observeRtt(Time.millis(200));
    assertEquals(62_500_000, rto.rttvar());
    assertEquals(112_500_000, rto.srtt());
    assertEquals(362_500_000, rto.rto());
    // R' = 112.5 ms exactly: RTTVAR = 3/4 * 62.5 = 46.875, SRTT stays, RTO = 112.5 + 187.5 = 300.
    rto.observeRtt(112_500_000);
    assertEquals(46_875_000, rto.rttvar());
    assertEquals(112_500_000, rto.srtt());
    assertEquals(300_000_000, rto.rto());
  }

  @Test
  void aSteadyPathConvergesOnItsRtt() {
    for (int i = 0; i < 200; i++) {
      rto.observeRtt(Time.millis(40));
    }
    assertEquals(Time.millis(40), rto.srtt());
    // RTTVAR decays towards 0, so RTO approaches SRTT, never below RTO.Min.
    assertTrue(rto.rto() < Time.millis(41), "rto " + rto.rto());
  }

  @Test
  void theRtoStaysWithinMinAndMax() {
    RetransmitTimeout webRtc = RetransmitTimeout.ofWebRtc();
    webRtc.observeRtt(Time.millis(5));
    assertEquals(Time.millis(220), webRtc.rto(), "C6: rounded up to RTO.Min");
    webRtc.observeRtt(Time.seconds(30));
    assertEquals(Time.millis(800), webRtc.rto(), "C7: held at RTO.Max");
  }

  @Test
  void backOffDoublesUpToTheMaximumAndTheNextSampleEndsIt() {
    RetransmitTimeout standard = RetransmitTimeout.ofRfc9260();
    standard.backOff();
    assertEquals(Time.seconds(2), standard.rto());
    for (int i = 0; i < 10; i++) {
      standard.backOff();
    }
    assertEquals(Time.seconds(60), standard.rto(), "E2: RTO.Max bounds the doubling");
    standard.observeRtt(Time.millis(100));
    assertEquals(Time.seconds(1), standard.rto(), "a new sample computes RTO afresh (min 1 s)");
  }

  @Test
  void aNegativeSampleIsIgnored() {
    rto.observeRtt(-5);
    assertFalse(rto.hasMeasurement());
    assertEquals(Time.seconds(1), rto.rto());
  }

  @Test
  void limitsMustBeOrdered() {
    assertThrows(IllegalArgumentException.class, () -> new RetransmitTimeout(100, 200, 300));
    assertThrows(IllegalArgumentException.class, () -> new RetransmitTimeout(300, 200, 250));
    assertThrows(IllegalArgumentException.class, () -> new RetransmitTimeout(1, 0, 2));
  }
}
