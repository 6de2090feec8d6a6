package org.rtc4j.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.common.TransportProtocol;

class StunClientTransactionTest {
  static final TransactionId ID = TransactionId.random(RandomSource.seeded(3));
  static final byte[] REQUEST =
      StunMessage.builder(MessageType.BINDING_REQUEST, ID).fingerprint().encode();

  /** Runs a transaction nobody answers; returns the send times in ms and the timeout time. */
  private static List<Long> unanswered(StunClientTransaction t) {
    List<Long> sends = new ArrayList<>();
    long now = 0;
    for (int guard = 0; guard < 100 && t.isWaiting(); guard++) {
      if (t.pollRequest() != null) {
        sends.add(now / 1_000_000);
      }
      now = t.pollTimeout();
      if (now == Time.NEVER) {
        break;
      }
      t.handleTimeout(now);
    }
    sends.add(now / 1_000_000); // when it gave up
    return sends;
  }

  @Test
  void udpFollowsRfc8489Schedule() {
    // RFC 8489 §6.2.1: with RTO 500 ms, Rc 7, Rm 16 the requests leave at 0, 500, 1500, 3500,
    // 7500, 15500 and 31500 ms, and the client gives up at 39500 ms.
    StunClientTransaction t =
        new StunClientTransaction(
            ID, REQUEST, TransportProtocol.UDP, StunRetransmission.DEFAULT, 0);
    assertEquals(List.of(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L, 39500L), unanswered(t));
    assertEquals(StunClientTransaction.State.TIMED_OUT, t.state());
    assertEquals(7, t.requestsSent());
  }

  @Test
  void rtoCapLimitsEachInterval() {
    StunRetransmission capped =
        StunRetransmission.DEFAULT.withMaxRto(Time.seconds(2)).withMaxRequests(5);
    StunClientTransaction t =
        new StunClientTransaction(ID, REQUEST, TransportProtocol.UDP, capped, 0);
    assertEquals(List.of(0L, 500L, 1500L, 3500L, 5500L, 13500L), unanswered(t));
  }

  @Test
  void tcpSendsOnceAndWaitsTi() {
    StunClientTransaction t =
        new StunClientTransaction(
            ID, REQUEST, TransportProtocol.TCP, StunRetransmission.DEFAULT, 0);
    assertEquals(List.of(0L, 39500L), unanswered(t));
  }

  @Test
  void responseEndsTheTransactionAndMeasuresRtt() throws Exception {
    StunClientTransaction t =
        new StunClientTransaction(
            ID, REQUEST, TransportProtocol.UDP, StunRetransmission.DEFAULT, Time.millis(100));
    assertNotNull(t.pollRequest());
    assertNull(t.pollRequest(), "one send per due time");
    StunMessage response = StunMessage.builder(MessageType.BINDING_SUCCESS, ID).build();
    assertTrue(t.handleResponse(response, Time.millis(130)));
    assertEquals(StunClientTransaction.State.ANSWERED, t.state());
    assertEquals(Time.millis(30), t.rttNanos());
    assertEquals(Time.NEVER, t.pollTimeout());
    assertFalse(t.handleResponse(response, Time.millis(140)), "a duplicate is not taken");
  }

  @Test
  void karnsRuleNoRttAfterRetransmission() {
    StunClientTransaction t =
        new StunClientTransaction(
            ID, REQUEST, TransportProtocol.UDP, StunRetransmission.DEFAULT, 0);
    t.pollRequest();
    t.handleTimeout(Time.millis(500));
    assertNotNull(t.pollRequest());
    t.handleResponse(StunMessage.builder(MessageType.BINDING_SUCCESS, ID).build(), 600);
    assertEquals(-1, t.rttNanos());
  }

  @Test
  void earlyTimeoutCallsChangeNothing() {
    StunClientTransaction t =
        new StunClientTransaction(
            ID, REQUEST, TransportProtocol.UDP, StunRetransmission.DEFAULT, 0);
    t.pollRequest();
    t.handleTimeout(Time.millis(499));
    assertNull(t.pollRequest());
    assertEquals(Time.millis(500), t.pollTimeout());
  }

  @Test
  void cancelStopsEverything() {
    StunClientTransaction t =
        new StunClientTransaction(
            ID, REQUEST, TransportProtocol.UDP, StunRetransmission.DEFAULT, 0);
    t.cancel();
    assertNull(t.pollRequest());
    assertEquals(Time.NEVER, t.pollTimeout());
    assertEquals(StunClientTransaction.State.CANCELLED, t.state());
  }
}
