package org.rtc4j.sctp.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.packet.GapAckBlock;

class DataTrackerTest {
  private static final int INITIAL_TSN = 1000;
  private static final long T0 = Time.seconds(7);

  /** A tracker that has acknowledged nothing yet. */
  private static DataTracker tracker() {
    return new DataTracker(INITIAL_TSN, 1000);
  }

  /**
   * A tracker past its first DATA chunk (which is always acknowledged at once) with that SACK sent:
   * the delayed-ack rules apply from here.
   */
  private static DataTracker trackerPastFirstSack() {
    DataTracker tracker = tracker();
    packet(tracker, T0, INITIAL_TSN);
    assertTrue(tracker.shouldSendAck(), "the first DATA is acknowledged at once");
    tracker.sackSent();
    return tracker;
  }

  /** One received packet carrying these TSNs. */
  private static void packet(DataTracker tracker, long now, int... tsns) {
    for (int tsn : tsns) {
      assertTrue(tracker.isTsnValid(tsn), () -> "TSN " + tsn + " valid");
      tracker.observe(tsn, false);
    }
    tracker.observePacketEnd(now);
  }

  private static List<GapAckBlock> blocks(int... startEnd) {
    List<GapAckBlock> blocks = new ArrayList<>();
    for (int i = 0; i < startEnd.length; i += 2) {
      blocks.add(new GapAckBlock(startEnd[i], startEnd[i + 1]));
    }
    return blocks;
  }

  @Test
  void beforeAnyDataTheCumulativeAckIsJustBelowThePeersInitialTsn() {
    DataTracker tracker = tracker();
    assertEquals(INITIAL_TSN - 1, tracker.cumulativeTsnAck());
    assertEquals(List.of(), tracker.gapAckBlocks(10));
    assertFalse(tracker.shouldSendAck());
    assertEquals(Time.NEVER, tracker.ackDeadline());
  }

  @Test
  void tsnsArrivingInOrderMoveTheCumulativeAckAndLeaveNoGaps() {
    DataTracker tracker = tracker();
    for (int i = 0; i < 5; i++) {
      assertTrue(tracker.observe(INITIAL_TSN + i, false), "each TSN is new");
    }
    assertEquals(INITIAL_TSN + 4, tracker.cumulativeTsnAck());
    assertEquals(List.of(), tracker.gapAckBlocks(10));
    assertFalse(tracker.hasGaps());
    assertEquals(INITIAL_TSN + 4, tracker.highestReceivedTsn());
  }

  @Test
  void lostTsnsLeaveGapsReportedAsOffsetsFromTheCumulativeAck() {
    DataTracker tracker = tracker();
    // 1000 1001 _ 1003 1004 _ _ 1007: the SACK says cum ack 1001, blocks +2..+3 and +6..+6.
    for (int tsn : new int[] {1000, 1001, 1003, 1004, 1007}) {
      assertTrue(tracker.observe(tsn, false));
    }
    assertEquals(1001, tracker.cumulativeTsnAck());
    assertEquals(blocks(2, 3, 6, 6), tracker.gapAckBlocks(10));
    assertEquals(1007, tracker.highestReceivedTsn());
    assertTrue(tracker.hasGaps());
  }

  @Test
  void blocksGrowToBothSidesAndMergeWhenTheTsnBetweenThemArrives() {
    DataTracker tracker = tracker();
    tracker.observe(1000, false);
    tracker.observe(1004, false);
    tracker.observe(1008, false);
    assertEquals(blocks(4, 4, 8, 8), tracker.gapAckBlocks(10));
    tracker.observe(1003, false); // grows the first block to the left
    tracker.observe(1005, false); // and to the right
    tracker.observe(1007, false); // grows the second to the left
    assertEquals(blocks(3, 5, 7, 8), tracker.gapAckBlocks(10));
    tracker.observe(1006, false); // joins them
    assertEquals(blocks(3, 8), tracker.gapAckBlocks(10));
  }

  @Test
  void theMissingTsnArrivingMovesTheCumulativeAckOverTheWholeBlock() {
    DataTracker tracker = tracker();
    for (int tsn : new int[] {1000, 1002, 1003, 1004, 1006}) {
      tracker.observe(tsn, false);
    }
    assertTrue(tracker.willIncreaseCumAckTsn(1001));
    assertFalse(tracker.willIncreaseCumAckTsn(1005));
    tracker.observe(1001, false);
    assertEquals(1004, tracker.cumulativeTsnAck());
    assertEquals(blocks(2, 2), tracker.gapAckBlocks(10), "1006 is still held, now at +2");
    tracker.observe(1005, false);
    assertEquals(1006, tracker.cumulativeTsnAck());
    assertFalse(tracker.hasGaps());
  }

  @Test
  void aSackWithLittleRoomReportsTheLowestBlocks() {
    DataTracker tracker = tracker();
    tracker.observe(1000, false);
    for (int i = 1; i <= 10; i++) {
      tracker.observe(1000 + 2 * i, false); // every other TSN lost
    }
    assertEquals(10, tracker.gapAckBlocks(100).size());
    assertEquals(blocks(2, 2, 4, 4, 6, 6), tracker.gapAckBlocks(3));
    assertEquals(List.of(), tracker.gapAckBlocks(0));
  }

  @Test
  void aDuplicateIsNotNewAndIsReportedOnceInTheNextSack() {
    DataTracker tracker = tracker();
    assertTrue(tracker.observe(1000, false));
    tracker.observe(1002, false);
    assertTrue(tracker.isDuplicate(1000));
    assertTrue(tracker.isDuplicate(1002));
    assertFalse(tracker.isDuplicate(1001));

    assertFalse(tracker.observe(1000, false), "below the cumulative ack");
    assertFalse(tracker.observe(1000, false), "again");
    assertFalse(tracker.observe(1002, false), "in a gap block");
    assertEquals(List.of(1000, 1002), tracker.drainDuplicateTsns(32));
    assertEquals(List.of(), tracker.drainDuplicateTsns(32), "drained means forgotten");

    tracker.observe(1000, false);
    assertEquals(List.of(1000), tracker.drainDuplicateTsns(32), "a later SACK reports it anew");
  }

  @Test
  void duplicatesAreRememberedUpToTheBoundAndDrainedInPieces() {
    DataTracker tracker = tracker();
    for (int i = 0; i < 100; i++) {
      tracker.observe(INITIAL_TSN + i, false);
    }
    for (int i = 0; i < 100; i++) {
      tracker.observe(INITIAL_TSN + i, false);
    }
    List<Integer> first = tracker.drainDuplicateTsns(10);
    assertEquals(10, first.size());
    assertEquals(INITIAL_TSN, first.get(0));
    List<Integer> rest = tracker.drainDuplicateTsns(1000);
    assertEquals(DataTracker.MAX_DUPLICATE_TSNS - 10, rest.size());
    assertEquals(INITIAL_TSN + 10, rest.get(0), "the rest waited in arrival order");
  }

  @Test
  void theFirstDataChunkOfTheAssociationIsAcknowledgedAtOnce() {
    DataTracker tracker = tracker();
    packet(tracker, T0, INITIAL_TSN);
    assertTrue(tracker.shouldSendAck());
    assertEquals(Time.NEVER, tracker.ackDeadline(), "no timer when the SACK is due now");
  }

  @Test
  void aSackIsDelayedAfterOnePacketAndDueAfterTheSecond() {
    DataTracker tracker = trackerPastFirstSack();
    packet(tracker, T0 + Time.millis(10), INITIAL_TSN + 1, INITIAL_TSN + 2);
    assertFalse(tracker.shouldSendAck(), "one packet: delayed, whatever its chunk count");
    assertEquals(T0 + Time.millis(210), tracker.ackDeadline());

    packet(tracker, T0 + Time.millis(20), INITIAL_TSN + 3);
    assertTrue(tracker.shouldSendAck(), "the second packet with DATA");
    tracker.sackSent();
    assertFalse(tracker.shouldSendAck());
    assertEquals(Time.NEVER, tracker.ackDeadline());
    assertEquals(INITIAL_TSN + 3, tracker.cumulativeTsnAck());
  }

  @Test
  void aLonePacketIsAcknowledgedWhenTheDelayedAckTimerExpires() {
    DataTracker tracker = trackerPastFirstSack();
    long arrival = T0 + Time.millis(50);
    packet(tracker, arrival, INITIAL_TSN + 1);
    long deadline = tracker.ackDeadline();
    assertEquals(arrival + DataTracker.DEFAULT_DELAYED_ACK_TIMEOUT_NANOS, deadline);

    tracker.handleDelayedAckTimeout(deadline - 1);
    assertFalse(tracker.shouldSendAck(), "an early timer does nothing");
    tracker.handleDelayedAckTimeout(deadline);
    assertTrue(tracker.shouldSendAck());
  }

  @Test
  void theDelayedAckTimeoutIsConfigurable() {
    DataTracker tracker = new DataTracker(INITIAL_TSN, 1000, Time.millis(40));
    packet(tracker, T0, INITIAL_TSN);
    tracker.sackSent();
    packet(tracker, T0, INITIAL_TSN + 1);
    assertEquals(T0 + Time.millis(40), tracker.ackDeadline());
  }

  @Test
  void aGapMakesTheSackDueAtOnceForEveryPacketUntilItCloses() {
    DataTracker tracker = trackerPastFirstSack();
    packet(tracker, T0, INITIAL_TSN + 2); // INITIAL_TSN + 1 lost
    assertTrue(tracker.shouldSendAck(), "out of order");
    tracker.sackSent();

    packet(tracker, T0, INITIAL_TSN + 3);
    assertTrue(tracker.shouldSendAck(), "the gap is still open");
    tracker.sackSent();

    packet(tracker, T0, INITIAL_TSN + 1);
    assertTrue(tracker.shouldSendAck(), "the gap closed");
    tracker.sackSent();
    assertFalse(tracker.hasGaps());

    packet(tracker, T0, INITIAL_TSN + 4);
    assertFalse(tracker.shouldSendAck(), "back to delayed acks");
  }

  @Test
  void aPacketWithOnlyADuplicateIsAcknowledgedAtOnce() {
    DataTracker tracker = trackerPastFirstSack();
    packet(tracker, T0, INITIAL_TSN);
    assertTrue(tracker.shouldSendAck());
    assertEquals(List.of(INITIAL_TSN), tracker.drainDuplicateTsns(32));
  }

  @Test
  void theImmediateAckBitMakesTheSackDueAtOnce() {
    DataTracker tracker = trackerPastFirstSack();
    assertTrue(tracker.observe(INITIAL_TSN + 1, true));
    tracker.observePacketEnd(T0);
    assertTrue(tracker.shouldSendAck());
  }

  @Test
  void theSackCanBeForcedForAWindowUpdate() {
    DataTracker tracker = trackerPastFirstSack();
    assertFalse(tracker.shouldSendAck());
    tracker.forceImmediateAck();
    assertTrue(tracker.shouldSendAck());
  }

  @Test
  void tsnsWrapAcross2To32() {
    DataTracker tracker = new DataTracker(0xFFFF_FFFE, 1000);
    assertEquals(0xFFFF_FFFD, tracker.cumulativeTsnAck());
    assertTrue(tracker.observe(0xFFFF_FFFE, false));
    assertTrue(tracker.observe(0xFFFF_FFFF, false));
    assertTrue(tracker.observe(1, false)); // 0 lost
    assertTrue(tracker.observe(2, false));
    assertEquals(0xFFFF_FFFF, tracker.cumulativeTsnAck());
    assertEquals(blocks(2, 3), tracker.gapAckBlocks(10));
    assertTrue(tracker.willIncreaseCumAckTsn(0));
    assertTrue(tracker.observe(0, false));
    assertEquals(2, tracker.cumulativeTsnAck());
    assertFalse(tracker.observe(0xFFFF_FFFF, false), "a duplicate from before the wrap");
    assertEquals(List.of(0xFFFF_FFFF), tracker.drainDuplicateTsns(10));
  }

  @Test
  void aTsnTooFarAheadOrBehindIsInvalidAndIgnored() {
    DataTracker tracker = new DataTracker(INITIAL_TSN, 100);
    tracker.observe(INITIAL_TSN, false); // cum ack 1000
    assertTrue(tracker.isTsnValid(INITIAL_TSN + 100));
    assertFalse(tracker.isTsnValid(INITIAL_TSN + 101), "beyond the out-of-order bound");
    assertTrue(tracker.isTsnValid(INITIAL_TSN - 100), "an old duplicate");
    assertFalse(tracker.isTsnValid(INITIAL_TSN - 101));
    assertFalse(tracker.isTsnValid(INITIAL_TSN + 0x8000_0000), "absurd");

    assertFalse(tracker.observe(INITIAL_TSN + 101, false));
    assertFalse(tracker.hasGaps(), "an invalid TSN is not held");
    assertEquals(List.of(), tracker.drainDuplicateTsns(10), "nor reported as a duplicate");

    tracker.observe(INITIAL_TSN + 100, false);
    assertEquals(blocks(100, 100), tracker.gapAckBlocks(10));
    tracker.observe(INITIAL_TSN + 1, false);
    assertTrue(tracker.isTsnValid(INITIAL_TSN + 101), "the bound moves with the cumulative ack");
  }

  @Test
  void theBoundKeepsGapAckBlockOffsetsWithin16Bits() {
    DataTracker tracker = new DataTracker(0, DataTracker.MAX_OUT_OF_ORDER_TSNS);
    assertTrue(tracker.observe(0xFFFF - 1, false));
    assertFalse(tracker.isTsnValid(0xFFFF), "cum ack is -1: 0xFFFF is 65536 ahead");
    assertEquals(blocks(0xFFFF, 0xFFFF), tracker.gapAckBlocks(1));
  }

  @Test
  void aForwardTsnMovesTheCumulativeAckAndForgetsTheBlocksBelowIt() {
    DataTracker tracker = trackerPastFirstSack(); // cum ack 1000
    for (int tsn : new int[] {1003, 1004, 1008, 1012, 1013}) {
      tracker.observe(tsn, false);
    }
    tracker.sackSent();
    // The sender abandoned 1001..1010: the cum ack goes to 1010 and 1003..1008 are forgotten.
    assertTrue(tracker.handleForwardTsn(1010));
    assertEquals(1010, tracker.cumulativeTsnAck());
    assertEquals(blocks(2, 3), tracker.gapAckBlocks(10), "1012..1013 still held");
    assertTrue(tracker.isDuplicate(1005), "skipped TSNs count as received");
    assertTrue(tracker.shouldSendAck(), "a gap is still open");

    tracker.sackSent();
    assertTrue(tracker.handleForwardTsn(1011));
    assertEquals(1013, tracker.cumulativeTsnAck(), "and moves on over the held block");
    assertFalse(tracker.hasGaps());
  }

  @Test
  void aForwardTsnIntoABlockMovesTheCumulativeAckToTheBlocksEnd() {
    DataTracker tracker = tracker();
    tracker.observe(1000, false);
    tracker.observe(1005, false);
    tracker.observe(1006, false);
    tracker.observe(1007, false);
    assertTrue(tracker.handleForwardTsn(1006));
    assertEquals(1007, tracker.cumulativeTsnAck());
    assertFalse(tracker.hasGaps());
  }

  @Test
  void anOutOfDateForwardTsnMovesNothingButAsksForASack() {
    DataTracker tracker = trackerPastFirstSack();
    tracker.observe(INITIAL_TSN + 1, false);
    tracker.sackSent();
    assertFalse(tracker.handleForwardTsn(INITIAL_TSN));
    assertEquals(INITIAL_TSN + 1, tracker.cumulativeTsnAck());
    assertTrue(tracker.shouldSendAck(), "its SACK may have been lost");
  }

  @Test
  void aForwardTsnCountsAsDataForTheDelayedAck() {
    DataTracker tracker = trackerPastFirstSack();
    assertTrue(tracker.handleForwardTsn(INITIAL_TSN + 3));
    tracker.observePacketEnd(T0);
    assertFalse(tracker.shouldSendAck(), "delayed like one packet of DATA");
    assertEquals(T0 + DataTracker.DEFAULT_DELAYED_ACK_TIMEOUT_NANOS, tracker.ackDeadline());
    packet(tracker, T0, INITIAL_TSN + 4);
    assertTrue(tracker.shouldSendAck(), "second packet");
  }

  @Test
  void aForwardTsnBeyondTheBoundIsIgnored() {
    DataTracker tracker = new DataTracker(INITIAL_TSN, 100);
    assertFalse(tracker.handleForwardTsn(INITIAL_TSN + 500));
    assertEquals(INITIAL_TSN - 1, tracker.cumulativeTsnAck());
  }

  @Test
  void laterThanTheCumulativeAckComparesAcrossTheWrap() {
    DataTracker tracker = new DataTracker(0xFFFF_FFF0, 1000);
    assertTrue(tracker.isLaterThanCumulativeAck(3));
    assertFalse(tracker.isLaterThanCumulativeAck(0xFFFF_FFEF));
  }

  @Test
  void boundsOutOfRangeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new DataTracker(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new DataTracker(0, 0x10000));
    assertThrows(IllegalArgumentException.class, () -> new DataTracker(0, 10, Time.millis(501)));
    assertThrows(IllegalArgumentException.class, () -> new DataTracker(0, 10, -1));
  }
}
