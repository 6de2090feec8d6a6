package org.rtc4j.sctp.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtc4j.sctp.tx.OutstandingData.ChunkState.ABANDONED;
import static org.rtc4j.sctp.tx.OutstandingData.ChunkState.ACKED;
import static org.rtc4j.sctp.tx.OutstandingData.ChunkState.IN_FLIGHT;
import static org.rtc4j.sctp.tx.OutstandingData.ChunkState.MISSING;
import static org.rtc4j.sctp.tx.OutstandingData.ChunkState.TO_BE_RETRANSMITTED;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.packet.GapAckBlock;
import org.rtc4j.sctp.packet.SkippedStream;

/**
 * Stories of one sender and the SACKs its peer sends back. The path MTU is 1200 bytes; a packet has
 * 1188 bytes for chunks after the common header, so one 1172-byte message (a 1188-byte DATA chunk)
 * fills a packet. Unless a story says otherwise the first cwnd is 10 MTUs, as in dcSCTP.
 */
class RetransmissionQueueTest {
  private static final int MTU = 1200;
  private static final int ROOM = MTU - 12;
  private static final int HEADER = 16;
  private static final int MESSAGE = ROOM - HEADER;
  private static final int CHUNK = ROOM; // one MESSAGE as a DATA chunk
  private static final long BIG_WINDOW = 1 << 20;

  private final FakeFragmentSource source = new FakeFragmentSource();
  private RetransmitTimeout rto = RetransmitTimeout.ofRfc9260();
  private RetransmissionQueue queue;

  @AfterEach
  void bookkeepingAddsUp() {
    if (queue != null) {
      assertTrue(queue.isConsistent(), "byte counts agree with chunk states");
    }
  }

  private static RetransmissionQueueConfig tenMtus() {
    return RetransmissionQueueConfig.of(MTU, HEADER).withInitialCwnd(10 * MTU);
  }

  private static RetransmissionQueueConfig rfcDefaults() {
    return RetransmissionQueueConfig.of(MTU, HEADER);
  }

  private RetransmissionQueue queue(int initialTsn, long peerWindow) {
    return queue(initialTsn, peerWindow, tenMtus());
  }

  private RetransmissionQueue queue(
      int initialTsn, long peerWindow, RetransmissionQueueConfig config) {
    queue = new RetransmissionQueue(source, initialTsn, peerWindow, config, rto);
    return queue;
  }

  /** One packet's fragments, by TSN. */
  private List<Integer> sendPacket(long now) {
    List<Integer> tsns = new ArrayList<>();
    for (TsnFragment fragment : queue.getChunksToSend(now, ROOM)) {
      tsns.add(fragment.tsn());
    }
    return tsns;
  }

  /** Packets until the queue gives no more, by TSN. */
  private List<Integer> sendAll(long now) {
    List<Integer> tsns = new ArrayList<>();
    for (List<Integer> packet = sendPacket(now); !packet.isEmpty(); packet = sendPacket(now)) {
      tsns.addAll(packet);
    }
    return tsns;
  }

  private boolean sack(long now, int cumulativeTsnAck, GapAckBlock... blocks) {
    return queue.handleSack(now, cumulativeTsnAck, BIG_WINDOW, List.of(blocks));
  }

  private static GapAckBlock gap(int start, int end) {
    return new GapAckBlock(start, end);
  }

  @Test
  void tsnsAreConsecutiveFromTheInitialTsnAndWrapAt32Bits() {
    queue(0xFFFF_FFFE, BIG_WINDOW);
    source.addMany(4, MESSAGE);
    assertEquals(List.of(0xFFFF_FFFE, 0xFFFF_FFFF, 0, 1), sendAll(0));
    assertEquals(2, queue.nextTsn());
    assertEquals(0xFFFF_FFFD, queue.lastCumulativeTsnAck());

    assertTrue(sack(Time.millis(50), 0), "a cumulative ack past the wrap");
    assertEquals(0, queue.lastCumulativeTsnAck());
    assertEquals(CHUNK, queue.outstandingBytes(), "TSN 1 is still in flight");
    assertTrue(sack(Time.millis(60), 1));
    assertTrue(queue.isEmpty());
    assertEquals(Time.NEVER, queue.t3RtxDeadline());
  }

  @Test
  void cwndLimitsWhatIsSentAndSlowStartGrowsByAtMostOneMtuPerSack() {
    queue(1, BIG_WINDOW, rfcDefaults());
    source.addMany(20, MESSAGE);
    assertEquals(4404, queue.cwnd(), "RFC 9260 §7.2.1 initial cwnd for a 1200-byte MTU");
    // §6.1 B: send while below cwnd; the last packet may pass it, by less than a packet.
    assertEquals(List.of(1, 2, 3, 4), sendAll(0));
    assertEquals(4 * CHUNK, queue.outstandingBytes());
    assertTrue(queue.outstandingBytes() < queue.cwnd() + MTU);

    // Two chunks acknowledged: 2376 bytes, but the window grows by one MTU only.
    sack(Time.millis(100), 2);
    assertEquals(4404 + MTU, queue.cwnd());
    assertEquals(List.of(5, 6, 7), sendAll(Time.millis(100)));
    // One chunk acknowledged: less than an MTU, so by its size.
    sack(Time.millis(110), 3);
    assertEquals(4404 + MTU + CHUNK, queue.cwnd());
  }

  @Test
  void slowStartDoesNotGrowAWindowThatWasNotFull() {
    queue(1, BIG_WINDOW, rfcDefaults());
    source.addMany(2, MESSAGE);
    sendAll(0);
    sack(Time.millis(100), 2);
    assertEquals(4404, queue.cwnd(), "two chunks in flight never filled cwnd");
  }

  @Test
  void afterATimeoutSlowStartClimbsToSsthreshAndCongestionAvoidanceTakesOver() {
    queue(1, BIG_WINDOW, rfcDefaults());
    source.addMany(200, MESSAGE);
    sendAll(0);
    queue.handleT3RtxExpiry(Time.seconds(1));
    assertEquals(4 * MTU, queue.ssthresh());
    assertEquals(MTU, queue.cwnd());
    long now = Time.seconds(1);
    int acked = 0;
    int slowStartSacks = 0;
    int growths = 0;
    for (int i = 0; i < 40; i++) {
      sendAll(now);
      assertTrue(queue.outstandingBytes() >= queue.cwnd(), "the window is kept full");
      long cwnd = queue.cwnd();
      long partial = queue.partialBytesAcked();
      boolean slowStart = cwnd <= queue.ssthresh();
      sack(now, ++acked); // one chunk per SACK
      if (slowStart) {
        // §7.2.1: by the bytes acknowledged, at most an MTU.
        slowStartSacks++;
        assertEquals(cwnd + CHUNK, queue.cwnd());
        assertEquals(0, queue.partialBytesAcked());
      } else if (partial + CHUNK >= cwnd) {
        // §7.2.2: a whole cwnd acknowledged since the last growth: one MTU more.
        growths++;
        assertEquals(cwnd + MTU, queue.cwnd());
        assertEquals(partial + CHUNK - cwnd, queue.partialBytesAcked());
      } else {
        assertEquals(cwnd, queue.cwnd());
        assertEquals(partial + CHUNK, queue.partialBytesAcked());
      }
      now += Time.millis(10);
    }
    assertEquals(4, slowStartSacks, "1200, 2388, 3576, 4764, then 5952 > ssthresh 4800");
    assertTrue(growths >= 4 && growths <= 6, "36 chunks over windows of 5 to 10: " + growths);
  }

  @Test
  void thePeersWindowLimitsNewDataAndAClosedWindowIsProbedWithOneChunk() {
    queue(1, 3000);
    source.addMany(10, MESSAGE);
    // 1188 + 1188 + a 608-byte piece of the third message fill the 3000-byte window exactly.
    List<TsnFragment> first = queue.getChunksToSend(0, ROOM);
    List<TsnFragment> second = queue.getChunksToSend(0, ROOM);
    List<TsnFragment> third = queue.getChunksToSend(0, ROOM);
    assertEquals(MESSAGE, first.get(0).data().length());
    assertEquals(MESSAGE, second.get(0).data().length());
    assertEquals(3000 - 2 * CHUNK - HEADER, third.get(0).data().length());
    assertEquals(0, queue.peerReceiverWindow());
    assertEquals(List.of(), sendPacket(0), "window closed");

    // The peer took everything but has no room: a_rwnd 0.
    queue.handleSack(Time.millis(100), 3, 0, List.of());
    assertEquals(0, queue.peerReceiverWindow());
    assertTrue(queue.isEmpty());
    // §6.1 A: with nothing in flight, one chunk probes the closed window...
    assertEquals(List.of(4), sendPacket(Time.millis(100)));
    // ...and only one.
    assertEquals(List.of(), sendPacket(Time.millis(100)));
    queue.handleSack(Time.millis(200), 4, 0, List.of());
    assertEquals(List.of(5), sendAll(Time.millis(200)), "the probe's SACK allows another probe");
    // The window opens.
    queue.handleSack(Time.millis(300), 5, 2 * CHUNK, List.of());
    assertEquals(List.of(6, 7), sendAll(Time.millis(300)));
  }

  @Test
  void aSackWithGapBlocksAcknowledgesAroundTheMissingTsns() {
    queue(1, BIG_WINDOW);
    source.addMany(5, MESSAGE);
    sendAll(0);
    // TSN 1 cumulatively, 3 and 4 by a gap block; 2 and 5 not.
    assertTrue(sack(Time.millis(100), 1, gap(2, 3)));
    assertEquals(ACKED, queue.stateOf(1));
    assertEquals(IN_FLIGHT, queue.stateOf(2), "one miss is not yet a loss");
    assertEquals(1, queue.missIndications(2), "below the highest TSN newly acknowledged");
    assertEquals(ACKED, queue.stateOf(3));
    assertEquals(ACKED, queue.stateOf(4));
    assertEquals(IN_FLIGHT, queue.stateOf(5));
    assertEquals(0, queue.missIndications(5), "above it: no miss indication");
    assertEquals(2 * CHUNK, queue.outstandingBytes(), "2 and 5 count as in flight");
    assertEquals(3 * CHUNK, queue.newlyAckedBytes());
    assertEquals(BIG_WINDOW - 2 * CHUNK, queue.peerReceiverWindow(), "§6.2.1 D ii");
    assertEquals(4 * CHUNK, queue.heldBytes(), "gap-acked chunks are held: they may be reneged");
  }

  @Test
  void threeMissIndicationsFastRetransmitOnceAndCutTheWindowOnce() {
    queue(1, BIG_WINDOW);
    source.addMany(11, MESSAGE);
    assertEquals(11, sendAll(0).size());

    // TSN 2 is lost; SACKs report 3, 4, 5 arriving.
    sack(Time.millis(100), 1, gap(2, 2));
    sack(Time.millis(101), 1, gap(2, 3));
    assertEquals(2, queue.missIndications(2));
    long cwnd = queue.cwnd();
    assertFalse(queue.inFastRecovery());
    sack(Time.millis(102), 1, gap(2, 4));
    assertEquals(TO_BE_RETRANSMITTED, queue.stateOf(2));
    assertTrue(queue.inFastRecovery());
    assertEquals(cwnd / 2, queue.ssthresh(), "§7.2.3: ssthresh = max(cwnd/2, 4 MTU)");
    assertEquals(cwnd / 2, queue.cwnd());
    assertTrue(queue.outstandingBytes() >= queue.cwnd(), "the window is full...");
    assertEquals(List.of(2), sendPacket(Time.millis(102)), "...yet TSN 2 goes at once");
    assertEquals(List.of(), sendPacket(Time.millis(102)), "one packet only");

    // More SACKs still report TSN 2 missing (they left before it arrived): no second retransmit.
    sack(Time.millis(103), 1, gap(2, 5));
    sack(Time.millis(104), 1, gap(2, 6));
    // A second loss in the same recovery period: TSN 8.
    sack(Time.millis(105), 1, gap(2, 6), gap(8, 8));
    assertTrue(queue.missIndications(2) >= 3);
    assertEquals(IN_FLIGHT, queue.stateOf(2), "fast retransmitted once only (§7.2.4 5)");
    assertEquals(List.of(), sendPacket(Time.millis(105)));
    assertEquals(cwnd / 2, queue.cwnd(), "no growth in Fast Recovery");
    sack(Time.millis(106), 1, gap(2, 6), gap(8, 9));
    sack(Time.millis(107), 1, gap(2, 6), gap(8, 10));
    assertEquals(TO_BE_RETRANSMITTED, queue.stateOf(8));
    assertEquals(cwnd / 2, queue.cwnd(), "one cut per recovery period");
    assertEquals(List.of(8), sendPacket(Time.millis(107)));

    // Everything up to the exit point (TSN 11) acknowledged: Fast Recovery ends.
    sack(Time.millis(150), 11);
    assertFalse(queue.inFastRecovery());
    assertTrue(queue.isEmpty());
  }

  @Test
  void inFastRecoveryACumulativeAdvanceCountsEveryReportedGap() {
    queue(1, BIG_WINDOW);
    source.addMany(10, MESSAGE);
    sendAll(0);
    sack(1, 1, gap(2, 2));
    sack(2, 1, gap(2, 3));
    sack(3, 1, gap(2, 4)); // TSN 2 fast retransmitted, Fast Recovery until TSN 10
    assertEquals(List.of(2), sendPacket(3));
    // TSN 7 is reported missing below newly acknowledged 8..10: one miss.
    sack(4, 1, gap(2, 5), gap(7, 9));
    assertEquals(1, queue.missIndications(7));
    // A cumulative advance in Fast Recovery counts it again, although 8..10 are not new.
    sack(5, 6, gap(2, 4));
    assertEquals(2, queue.missIndications(7));
    assertTrue(queue.inFastRecovery());
  }

  @Test
  void t3ExpiryRetransmitsEverythingAndBacksOffTheTimer() {
    queue(1, BIG_WINDOW, rfcDefaults());
    source.addMany(4, MESSAGE);
    sendAll(0);
    assertEquals(Time.seconds(1), queue.t3RtxDeadline(), "§6.3.2 R1: started with RTO.Initial");
    assertFalse(queue.handleT3RtxExpiry(Time.millis(999)), "not yet");
    assertEquals(4 * CHUNK, queue.outstandingBytes());

    long cwnd = queue.cwnd();
    assertTrue(queue.handleT3RtxExpiry(Time.seconds(1)));
    assertEquals(MTU, queue.cwnd(), "§6.3.3 E1: cwnd = 1 MTU");
    assertEquals(Math.max(cwnd / 2, 4 * MTU), queue.ssthresh());
    assertEquals(Time.seconds(2), rto.rto(), "E2: RTO doubled");
    assertEquals(Time.seconds(3), queue.t3RtxDeadline(), "running again with the new RTO");
    assertEquals(0, queue.outstandingBytes(), "nothing counts as in flight any more");
    for (int tsn = 1; tsn <= 4; tsn++) {
      assertEquals(TO_BE_RETRANSMITTED, queue.stateOf(tsn));
    }
    // E3: the earliest first, as cwnd allows: 1 MTU, which one more packet may pass.
    assertEquals(List.of(1), sendPacket(Time.seconds(1)));
    assertEquals(List.of(2), sendPacket(Time.seconds(1)));
    assertEquals(List.of(), sendPacket(Time.seconds(1)));

    // §6.3.2 R3: a SACK that acknowledges the earliest outstanding TSN restarts the timer.
    sack(Time.millis(1100), 1);
    assertEquals(Time.millis(1100) + Time.seconds(2), queue.t3RtxDeadline());
    assertFalse(rto.hasMeasurement(), "Karn: no sample from a retransmitted chunk");
    assertEquals(List.of(3, 4), sendAll(Time.millis(1100)));
    // §6.3.2 R2: all acknowledged, the timer stops.
    sack(Time.millis(1200), 4);
    assertEquals(Time.NEVER, queue.t3RtxDeadline());
  }

  @Test
  void repeatedT3ExpiryBacksOffUpToTheMaximum() {
    rto = new RetransmitTimeout(Time.seconds(1), Time.seconds(1), Time.seconds(4));
    queue(1, BIG_WINDOW);
    source.addMany(1, MESSAGE);
    sendAll(0);
    long[] expected = {2, 4, 4, 4};
    for (long seconds : expected) {
      long now = queue.t3RtxDeadline();
      assertTrue(queue.handleT3RtxExpiry(now));
      assertEquals(List.of(1), sendAll(now));
      assertEquals(now + Time.seconds(seconds), queue.t3RtxDeadline());
    }
  }

  @Test
  void theRttIsMeasuredFromAChunkSentOnce() {
    queue(1, BIG_WINDOW);
    source.addMany(2, MESSAGE);
    sendPacket(0);
    sendPacket(Time.millis(50));
    // The first chunk is the one timed (§6.3.1 C4: one sample per round trip).
    sack(Time.millis(100), 2);
    assertEquals(Time.millis(100), rto.srtt());
    assertEquals(Time.millis(50), rto.rttvar());
    assertEquals(Time.seconds(1), rto.rto(), "100 + 4 * 50 ms, rounded up to RTO.Min");
  }

  @Test
  void karnsRuleSkipsAFastRetransmittedChunkAndTimesTheNextNewOne() {
    queue(1, BIG_WINDOW);
    source.addMany(6, MESSAGE);
    sendAll(0); // TSN 1 timed
    sack(Time.millis(10), 0, gap(2, 2));
    sack(Time.millis(11), 0, gap(2, 3));
    sack(Time.millis(12), 0, gap(2, 4)); // TSN 1 lost and marked: no longer timed
    assertEquals(List.of(1), sendPacket(Time.millis(12)));
    sack(Time.millis(400), 4);
    assertFalse(rto.hasMeasurement(), "TSN 1 was retransmitted");
    // The next chunk sent new is timed.
    source.addMany(1, MESSAGE);
    assertEquals(List.of(7), sendAll(Time.seconds(1)));
    sack(Time.seconds(1) + Time.millis(30), 7);
    assertEquals(Time.millis(30), rto.srtt());
  }

  @Test
  void maxRetransmitsZeroAbandonsAtTheFirstRetransmissionAndSkipsTheMessage() {
    queue(1, BIG_WINDOW);
    source.addWithRetransmitLimit(3, 7, MESSAGE, 0);
    source.addMany(4, MESSAGE);
    assertEquals(List.of(1, 2, 3, 4, 5), sendAll(0));
    sack(1, 0, gap(2, 2));
    sack(2, 0, gap(2, 3));
    assertFalse(queue.shouldSendForwardTsn(2));
    sack(3, 0, gap(2, 4)); // the third miss: it would be retransmitted, so it is abandoned
    assertEquals(ABANDONED, queue.stateOf(1));
    assertEquals(List.of(), sendPacket(3), "nothing to retransmit");

    assertTrue(queue.shouldSendForwardTsn(3));
    assertEquals(1, queue.forwardTsnNewCumulativeTsn());
    assertEquals(List.of(new SkippedStream(3, false, 7)), queue.forwardTsnSkippedStreams(false));
    queue.forwardTsnSent(3);
    assertFalse(queue.shouldSendForwardTsn(3), "sent; not due again yet");

    // RFC 3758 §3.5 C3: a SACK still behind the Advanced.Peer.Ack.Point makes it due again.
    sack(4, 0, gap(2, 5));
    assertTrue(queue.shouldSendForwardTsn(4));
    queue.forwardTsnSent(4);
    // The peer skipped TSN 1 and had 2..5: its cumulative ack jumps to 5.
    sack(5, 5);
    assertFalse(queue.shouldSendForwardTsn(5));
    assertTrue(queue.isEmpty());
  }

  @Test
  void maxRetransmitsOneAllowsOneRetransmission() {
    queue(1, BIG_WINDOW);
    source.addWithRetransmitLimit(0, 0, MESSAGE, 1);
    sendAll(0);
    queue.handleT3RtxExpiry(Time.seconds(1));
    assertEquals(List.of(1), sendAll(Time.seconds(1)));
    queue.handleT3RtxExpiry(Time.seconds(3));
    assertEquals(ABANDONED, queue.stateOf(1));
    assertEquals(List.of(), sendAll(Time.seconds(3)));
    assertTrue(queue.shouldSendForwardTsn(Time.seconds(3)));
  }

  @Test
  void aMessageWhoseLifetimeEndedIsAbandonedInsteadOfRetransmitted() {
    queue(1, BIG_WINDOW);
    source.addWithLifetime(2, 0, MESSAGE, Time.millis(500));
    source.add(2, 1, MESSAGE);
    sendAll(0);
    queue.handleT3RtxExpiry(Time.seconds(1));
    assertEquals(ABANDONED, queue.stateOf(1), "expired at 500 ms");
    assertEquals(TO_BE_RETRANSMITTED, queue.stateOf(2));
    assertEquals(List.of(2), sendAll(Time.seconds(1)));
    assertTrue(queue.shouldSendForwardTsn(Time.seconds(1)));
    assertEquals(1, queue.forwardTsnNewCumulativeTsn());
    assertEquals(List.of(new SkippedStream(2, false, 0)), queue.forwardTsnSkippedStreams(false));
  }

  @Test
  void aChunkWaitingForRetransmissionExpiresWhileItWaits() {
    queue(1, BIG_WINDOW);
    source.addMany(2, MESSAGE);
    source.addWithLifetime(0, 2, MESSAGE, Time.millis(1500));
    sendAll(0);
    queue.handleT3RtxExpiry(Time.seconds(1));
    // cwnd is 1 MTU: TSNs 1 and 2 go, 3 waits.
    assertEquals(List.of(1, 2), sendAll(Time.seconds(1)));
    assertEquals(TO_BE_RETRANSMITTED, queue.stateOf(3));
    assertFalse(queue.shouldSendForwardTsn(Time.millis(1600)), "TSN 1 is not acknowledged yet");
    assertEquals(ABANDONED, queue.stateOf(3), "but TSN 3 expired at 1.5 s");
    sack(Time.millis(1700), 2);
    assertTrue(queue.shouldSendForwardTsn(Time.millis(1700)));
    assertEquals(3, queue.forwardTsnNewCumulativeTsn());
    assertEquals(List.of(), sendAll(Time.millis(1700)), "TSN 3 is not retransmitted");
  }

  @Test
  void aFragmentProducedAfterItsMessageExpiredIsNotSentButSkipped() {
    queue(1, 1000);
    // A 3-fragment message; the window takes the first fragment only.
    source.addWithLifetime(4, 2, 3 * MESSAGE, Time.millis(500));
    assertEquals(List.of(1), sendAll(0));
    // The window opens after the message expired: the next fragment is produced but not sent.
    queue.handleSack(Time.millis(600), 1, BIG_WINDOW, List.of());
    assertEquals(List.of(), sendAll(Time.millis(600)));
    assertEquals(ABANDONED, queue.stateOf(2));
    assertEquals(ABANDONED, queue.stateOf(3), "the placeholder end");
    assertTrue(queue.shouldSendForwardTsn(Time.millis(600)));
    assertEquals(3, queue.forwardTsnNewCumulativeTsn());
    assertEquals(List.of(new SkippedStream(4, false, 2)), queue.forwardTsnSkippedStreams(false));
  }

  @Test
  void aMessageAbandonedBeforeItsEndWasSentGetsAPlaceholderEnd() {
    // The peer's window takes only the first of three fragments.
    queue(1, 1000);
    source.addWithRetransmitLimit(5, 9, 3 * MESSAGE, 0);
    source.add(5, 10, MESSAGE);
    assertEquals(List.of(1), sendAll(0));
    assertEquals(1, source.produced());

    queue.handleT3RtxExpiry(Time.seconds(1));
    assertEquals(List.of(1L), source.discarded(), "the rest of the message is dropped");
    assertEquals(ABANDONED, queue.stateOf(1));
    assertEquals(ABANDONED, queue.stateOf(2), "TSN 2: the placeholder for the missing end");
    assertEquals(3, queue.nextTsn());
    assertTrue(queue.shouldSendForwardTsn(Time.seconds(1)));
    assertEquals(2, queue.forwardTsnNewCumulativeTsn(), "the FORWARD-TSN covers the end");
    assertEquals(List.of(new SkippedStream(5, false, 9)), queue.forwardTsnSkippedStreams(false));

    // The next message goes on with TSN 3.
    queue.handleSack(Time.millis(1100), 2, BIG_WINDOW, List.of());
    List<TsnFragment> next = queue.getChunksToSend(Time.millis(1100), ROOM);
    assertEquals(3, next.get(0).tsn());
    assertEquals(10, next.get(0).data().ssn());
  }

  @Test
  void iDataSkipsTheHighestMidPerStreamOrderedAndUnorderedApart() {
    queue(1, BIG_WINDOW, RetransmissionQueueConfig.of(MTU, 20).withInitialCwnd(10 * MTU));
    source.add(1, 0, 4, false, ROOM - 20, 0, Long.MAX_VALUE);
    source.add(1, 0, 8, true, ROOM - 20, 0, Long.MAX_VALUE);
    source.add(1, 0, 5, false, ROOM - 20, 0, Long.MAX_VALUE);
    source.add(2, 0, 1, true, ROOM - 20, 0, Long.MAX_VALUE);
    assertEquals(List.of(1, 2, 3, 4), sendAll(0));
    queue.handleT3RtxExpiry(Time.seconds(1));
    assertTrue(queue.shouldSendForwardTsn(Time.seconds(1)));
    assertEquals(4, queue.forwardTsnNewCumulativeTsn());
    assertEquals(
        List.of(
            new SkippedStream(1, false, 5),
            new SkippedStream(1, true, 8),
            new SkippedStream(2, true, 1)),
        queue.forwardTsnSkippedStreams(true));
    assertEquals(
        List.of(new SkippedStream(1, false, 0)),
        queue.forwardTsnSkippedStreams(false),
        "DATA's FORWARD-TSN names ordered streams only");
  }

  @Test
  void withoutPartialReliabilityNothingIsAbandoned() {
    queue(1, BIG_WINDOW, tenMtus().withPartialReliability(false));
    source.addWithRetransmitLimit(0, 0, MESSAGE, 0);
    sendAll(0);
    queue.handleT3RtxExpiry(Time.seconds(1));
    assertEquals(TO_BE_RETRANSMITTED, queue.stateOf(1));
    assertFalse(queue.shouldSendForwardTsn(Time.seconds(1)));
    assertEquals(List.of(1), sendAll(Time.seconds(1)));
  }

  @Test
  void oldAndDuplicateSacksChangeNothing() {
    queue(1, BIG_WINDOW);
    source.addMany(5, MESSAGE);
    sendAll(0);
    assertTrue(sack(10, 2, gap(2, 2)));
    long cwnd = queue.cwnd();
    long outstanding = queue.outstandingBytes();
    assertEquals(1, queue.missIndications(3));

    assertFalse(sack(11, 1), "§6.2.1 D i: older than the last cumulative ack");
    assertFalse(sack(11, 1, gap(1, 3)));
    assertEquals(2, queue.lastCumulativeTsnAck());
    assertEquals(ACKED, queue.stateOf(4));

    assertTrue(sack(12, 2, gap(2, 2)), "a duplicate is valid...");
    assertTrue(sack(13, 2, gap(2, 2)));
    assertEquals(1, queue.missIndications(3), "...but newly acknowledges nothing: no misses");
    assertEquals(0, queue.newlyAckedBytes());
    assertEquals(cwnd, queue.cwnd());
    assertEquals(outstanding, queue.outstandingBytes());

    assertFalse(sack(14, 6), "acknowledges TSN 6, which was never sent");
    assertFalse(sack(14, 0x8000_0000), "half the TSN space away");
    assertEquals(2, queue.lastCumulativeTsnAck());
  }

  @Test
  void gapBlocksBeyondWhatWasSentOrOutOfOrderAreTrimmed() {
    queue(1, BIG_WINDOW);
    source.addMany(4, MESSAGE);
    sendAll(0);
    assertTrue(sack(10, 1, gap(2, 2), gap(1, 1), gap(2, 60_000)));
    assertEquals(ACKED, queue.stateOf(3));
    assertEquals(ACKED, queue.stateOf(4));
    assertEquals(IN_FLIGHT, queue.stateOf(2));
    assertEquals(5, queue.nextTsn(), "nothing beyond TSN 4 appeared");
    assertEquals(3 * CHUNK, queue.newlyAckedBytes(), "TSNs 1, 3 and 4, each once");
  }

  @Test
  void aTsnLeftOutAfterAGapBlockAcknowledgedItCountsAsMissingAgain() {
    queue(1, BIG_WINDOW);
    source.addMany(4, MESSAGE);
    sendAll(0);
    sack(10, 1, gap(2, 2));
    assertEquals(ACKED, queue.stateOf(3));
    // §6.2.1 D iii: the peer reneged on TSN 3.
    sack(20, 1);
    assertEquals(MISSING, queue.stateOf(3));
    assertEquals(1, queue.missIndications(3));
    assertTrue(queue.t3RtxDeadline() != Time.NEVER);
    // It goes again on T3-rtx expiry like everything else.
    queue.handleT3RtxExpiry(queue.t3RtxDeadline());
    assertEquals(TO_BE_RETRANSMITTED, queue.stateOf(3));
  }

  @Test
  void heldDataStaysBoundedWhenThePeerNeverAcknowledgesTheFirstTsn() {
    long maxHeld = 20 * CHUNK;
    queue(1, BIG_WINDOW, rfcDefaults().withInitialCwnd(100 * MTU).withMaxHeldBytes(maxHeld));
    source.addMany(1000, MESSAGE);
    long now = 0;
    for (int round = 0; round < 50; round++) {
      sendAll(now);
      assertTrue(queue.heldBytes() <= maxHeld + CHUNK, "held " + queue.heldBytes());
      assertTrue(queue.outstandingBytes() < queue.cwnd() + MTU);
      // A dishonest peer: everything but TSN 1, and a huge window.
      int highest = queue.nextTsn() - 1;
      if (highest >= 2) {
        queue.handleSack(now, 0, 0xFFFF_FFFFL, List.of(gap(2, highest)));
      }
      now += Time.millis(10);
    }
    assertEquals(20, queue.nextTsn() - 1, "no new TSN once the bound is reached");
  }

  @Test
  void aSenderIdleForRtosStartsAgainWithAHalvedWindow() {
    queue(1, BIG_WINDOW);
    source.addMany(30, MESSAGE);
    long now = 0;
    // Grow the window: send, acknowledge everything, a few rounds.
    for (int round = 0; round < 3; round++) {
      sendAll(now);
      now += Time.millis(10);
      sack(now, queue.nextTsn() - 1);
    }
    long cwnd = queue.cwnd();
    assertTrue(cwnd > 10 * MTU, "grew to " + cwnd);
    // Idle for two RTOs (1 s each, RTO.Min): the next send finds cwnd halved twice.
    now += Time.seconds(2) + Time.millis(500);
    sendPacket(now);
    assertEquals(Math.max(cwnd / 4, 4 * MTU), queue.cwnd());
  }

  @Test
  void newDataWaitsUntilNothingAwaitsRetransmission() {
    queue(1, BIG_WINDOW);
    source.addMany(3, MESSAGE);
    sendAll(0);
    queue.handleT3RtxExpiry(Time.seconds(1));
    source.addMany(5, MESSAGE);
    // A packet with room for less than one retransmission: no new data jumps the queue (§6.1 C).
    assertEquals(List.of(), queue.getChunksToSend(Time.seconds(1), CHUNK - 4));
    assertEquals(List.of(1), sendPacket(Time.seconds(1)));
  }

  @Test
  void aTimedChunkThatIsSkippedGivesNoRttSample() {
    queue(1, 1000);
    source.addWithLifetime(4, 2, 3 * MESSAGE, Time.millis(500));
    assertEquals(List.of(1), sendAll(0)); // TSN 1 is timed, and lost
    // A window update at 600 ms: the next fragment is produced after the message expired.
    queue.handleSack(Time.millis(600), 0, BIG_WINDOW, List.of());
    assertEquals(List.of(), sendAll(Time.millis(600)));
    assertEquals(ABANDONED, queue.stateOf(1));
    assertTrue(queue.shouldSendForwardTsn(Time.millis(600)));
    assertEquals(3, queue.forwardTsnNewCumulativeTsn());
    queue.forwardTsnSent(Time.millis(600));
    // The peer skips to TSN 3: its cumulative ack passes TSN 1, which it never had.
    queue.handleSack(Time.millis(700), 3, BIG_WINDOW, List.of());
    assertTrue(queue.isEmpty());
    assertFalse(rto.hasMeasurement(), "700 ms is no round trip");
  }
}
