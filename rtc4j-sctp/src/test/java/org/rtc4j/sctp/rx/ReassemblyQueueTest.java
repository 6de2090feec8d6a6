package org.rtc4j.sctp.rx;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rtc4j.sctp.common.Data;
import org.rtc4j.sctp.packet.SkippedStream;

class ReassemblyQueueTest {
  private static final int PPID = 51; // WebRTC string
  private static final long ROOMY = 1 << 20;

  /** A DATA fragment: ordered by SSN, placed by its TSN. */
  static Data data(int stream, int ssn, String text, boolean b, boolean e, boolean unordered) {
    return new Data(stream, ssn, 0, 0, PPID, text.getBytes(US_ASCII), b, e, unordered);
  }

  /** A whole DATA message in one fragment. */
  static Data whole(int stream, int ssn, String text) {
    return data(stream, ssn, text, true, true, false);
  }

  /** An I-DATA fragment: ordered by MID, placed by FSN; only the first carries the PPID. */
  static Data idata(int stream, int mid, int fsn, String text, boolean b, boolean e, boolean u) {
    return new Data(stream, 0, mid, b ? 0 : fsn, b ? PPID : 0, text.getBytes(US_ASCII), b, e, u);
  }

  /** Everything the queue has ready, as "stream:text" (with "U" for unordered). */
  static List<String> drain(ReassemblyQueue queue) {
    List<String> out = new ArrayList<>();
    for (ReceivedMessage m = queue.poll(); m != null; m = queue.poll()) {
      assertEquals(PPID, m.ppid(), "the first fragment's PPID");
      out.add(m.streamId() + (m.unordered() ? "U:" : ":") + new String(m.payload(), US_ASCII));
    }
    return out;
  }

  static void add(ReassemblyQueue queue, int tsn, Data data) {
    assertTrue(queue.add(tsn, data), () -> "room for TSN " + tsn);
  }

  @Nested
  class WithData {
    private final ReassemblyQueue queue = new ReassemblyQueue(false, ROOMY);

    @Test
    void aSingleFragmentMessageIsDeliveredAtOnce() {
      add(queue, 10, whole(1, 0, "hello"));
      assertTrue(queue.hasMessages());
      assertEquals(List.of("1:hello"), drain(queue));
      assertNull(queue.poll());
      assertEquals(0, queue.queuedBytes(), "nothing held once polled");
    }

    @Test
    void aMessageInThreeFragmentsArriving312IsDeliveredOnceWhole() {
      add(queue, 12, data(0, 0, "c", false, true, false));
      add(queue, 10, data(0, 0, "a", true, false, false));
      assertEquals(List.of(), drain(queue));
      assertEquals(2 * (1 + ReassemblyQueue.FRAGMENT_OVERHEAD), queue.queuedBytes());
      add(queue, 11, data(0, 0, "b", false, false, false));
      assertEquals(List.of("0:abc"), drain(queue));
      assertEquals(0, queue.queuedBytes());
    }

    @Test
    void anOrderedMessageWaitsForTheEarlierSsnOfItsStream() {
      add(queue, 11, whole(0, 1, "second"));
      add(queue, 12, whole(0, 2, "third"));
      assertEquals(List.of(), drain(queue), "SSN 0 has not arrived");
      add(queue, 10, whole(0, 0, "first"));
      assertEquals(List.of("0:first", "0:second", "0:third"), drain(queue));
    }

    @Test
    void anOrderedMessageWaitsForTheRestOfTheEarlierOne() {
      add(queue, 10, data(0, 0, "fir", true, false, false));
      add(queue, 12, whole(0, 1, "second"));
      assertEquals(List.of(), drain(queue));
      add(queue, 11, data(0, 0, "st", false, true, false));
      assertEquals(List.of("0:first", "0:second"), drain(queue));
    }

    @Test
    void anUnorderedMessageIsDeliveredAtOnceAheadOfWaitingOrderedOnes() {
      add(queue, 11, whole(0, 1, "ordered"));
      add(queue, 12, data(0, 0, "now", true, true, true));
      assertEquals(List.of("0U:now"), drain(queue), "SSN 0 is still missing");
      add(queue, 10, whole(0, 0, "zero"));
      assertEquals(List.of("0:zero", "0:ordered"), drain(queue));
    }

    @Test
    void unorderedFragmentsArrivingBackwardsAndScatteredJoinIntoOneMessage() {
      add(queue, 23, data(3, 0, "d", false, true, true));
      add(queue, 21, data(3, 0, "b", false, false, true));
      add(queue, 20, data(3, 0, "a", true, false, true));
      assertEquals(List.of(), drain(queue));
      add(queue, 22, data(3, 0, "c", false, false, true)); // joins run 20..21 with run 23
      assertEquals(List.of("3U:abcd"), drain(queue));
      assertEquals(0, queue.queuedBytes());
    }

    @Test
    void adjacentUnorderedMessagesDoNotRunIntoEachOther() {
      // TSN 10-11 is one message, 12-13 the next: 11 ends one, 12 begins the other.
      add(queue, 11, data(0, 0, "ab", false, true, true));
      add(queue, 12, data(0, 0, "cd", true, false, true));
      assertEquals(List.of(), drain(queue));
      add(queue, 13, data(0, 0, "ef", false, true, true));
      assertEquals(List.of("0U:cdef"), drain(queue));
      add(queue, 10, data(0, 0, "xy", true, false, true));
      assertEquals(List.of("0U:xyab"), drain(queue));
    }

    @Test
    void aFirstFragmentNeverJoinsTheUnfinishedRunBeforeIt() {
      // TSN 10 began a message whose end never came (abandoned without an end TSN); TSN 11
      // begins the next one.
      add(queue, 10, data(0, 0, "lost", true, false, true));
      add(queue, 11, data(0, 0, "new", true, false, true));
      add(queue, 12, data(0, 0, "!", false, true, true));
      assertEquals(List.of("0U:new!"), drain(queue));
    }

    @Test
    void theSsnWrapsAt65536() {
      for (int i = 0; i < 65536 + 3; i++) {
        add(queue, 100 + i, whole(7, i & 0xFFFF, "m"));
        assertEquals(1, drain(queue).size(), "message " + i);
      }
      // Next expected SSN is 3 (65539 mod 65536): SSN 4 waits, SSN 3 releases both.
      add(queue, 70_000, whole(7, 4, "four"));
      assertEquals(List.of(), drain(queue));
      add(queue, 69_999, whole(7, 3, "three"));
      assertEquals(List.of("7:three", "7:four"), drain(queue));
    }

    @Test
    void orderedMessagesArrivingOutOfOrderAcrossTheSsnWrapComeOutInOrder() {
      for (int i = 0; i < 65535; i++) {
        add(queue, i, whole(0, i, "m"));
        queue.poll();
      }
      add(queue, 65536, whole(0, 0, "after the wrap"));
      add(queue, 65537, whole(0, 1, "and one more"));
      assertEquals(List.of(), drain(queue), "SSN 65535 is still missing");
      add(queue, 65535, whole(0, 65535, "last before"));
      assertEquals(List.of("0:last before", "0:after the wrap", "0:and one more"), drain(queue));
    }

    @Test
    void streamsAreIndependent() {
      add(queue, 11, whole(1, 1, "blocked"));
      add(queue, 12, whole(2, 0, "free"));
      assertEquals(List.of("2:free"), drain(queue), "stream 1 waiting does not hold stream 2");
      add(queue, 10, whole(1, 0, "unblocks"));
      assertEquals(List.of("1:unblocks", "1:blocked"), drain(queue));
    }

    @Test
    void aStaleFragmentOfADeliveredMessageIsDroppedButCountsAsTaken() {
      add(queue, 10, whole(0, 0, "once"));
      assertEquals(List.of("0:once"), drain(queue));
      assertTrue(queue.add(99, whole(0, 0, "again")));
      assertEquals(List.of(), drain(queue));
      assertEquals(0, queue.queuedBytes());
    }

    @Test
    void aForwardTsnDropsTheAbandonedPartialMessageAndLetsTheNextOnesFlow() {
      // SSN 0 in TSNs 1..3: only its first fragment arrived before the sender abandoned it.
      add(queue, 1, data(0, 0, "par", true, false, false));
      add(queue, 4, whole(0, 1, "next"));
      add(queue, 5, whole(0, 2, "after"));
      assertEquals(List.of(), drain(queue));

      queue.handleForwardTsn(3, List.of(new SkippedStream(0, false, 0)));
      assertEquals(List.of("0:next", "0:after"), drain(queue), "never the partial SSN 0");
      assertEquals(0, queue.queuedBytes(), "the partial message is gone");

      add(queue, 2, data(0, 0, "tial", false, true, false));
      assertEquals(List.of(), drain(queue), "a late fragment of it stays dropped");
      assertEquals(0, queue.queuedBytes());
    }

    @Test
    void aWholeMessageStrandedBetweenAbandonedOnesIsStillDelivered() {
      // SSN 0 (TSN 1) and SSN 2 (TSN 3) abandoned and lost; SSN 1 (TSN 2) arrived whole.
      add(queue, 2, whole(0, 1, "stranded"));
      add(queue, 4, whole(0, 3, "after"));
      queue.handleForwardTsn(3, List.of(new SkippedStream(0, false, 2)));
      assertEquals(List.of("0:stranded", "0:after"), drain(queue));
      assertEquals(0, queue.queuedBytes());
    }

    @Test
    void aForwardTsnSkipsWholeMessagesThatNeverArrived() {
      add(queue, 5, whole(4, 3, "three"));
      queue.handleForwardTsn(4, List.of(new SkippedStream(4, false, 2)));
      assertEquals(List.of("4:three"), drain(queue), "SSN 0..2 were abandoned");
    }

    @Test
    void anOutOfDateStreamEntryDoesNotMoveTheStreamBack() {
      add(queue, 1, whole(0, 0, "zero"));
      add(queue, 2, whole(0, 1, "one"));
      drain(queue);
      queue.handleForwardTsn(2, List.of(new SkippedStream(0, false, 0)));
      add(queue, 3, whole(0, 2, "two"));
      assertEquals(List.of("0:two"), drain(queue));
    }

    @Test
    void aForwardTsnDropsUnorderedPartialMessagesThatCanNoLongerComplete() {
      add(queue, 2, data(0, 0, "head", true, false, true)); // its tail (3) was abandoned
      add(queue, 5, data(0, 0, "tail", false, true, true)); // its head (4) was abandoned
      add(queue, 7, data(0, 0, "alive", true, false, true)); // the rest (8) is still coming
      queue.handleForwardTsn(4, List.of());
      assertEquals(5 + ReassemblyQueue.FRAGMENT_OVERHEAD, queue.queuedBytes(), "only TSN 7 held");
      add(queue, 8, data(0, 0, "!", false, true, true));
      assertEquals(List.of("0U:alive!"), drain(queue));
      assertEquals(0, queue.queuedBytes());
    }

    @Test
    void aResetStreamStartsAgainAtSsnZero() {
      add(queue, 1, whole(0, 0, "old zero"));
      add(queue, 2, whole(0, 1, "old one"));
      add(queue, 3, whole(1, 0, "other stream"));
      assertEquals(3, drain(queue).size());

      queue.resetStreams(List.of(0));
      add(queue, 4, whole(0, 0, "new zero"));
      add(queue, 5, whole(1, 1, "other stream goes on"));
      assertEquals(List.of("0:new zero", "1:other stream goes on"), drain(queue));
    }

    @Test
    void resettingWithNoStreamsListedResetsThemAll() {
      add(queue, 1, whole(0, 0, "a"));
      add(queue, 2, whole(9, 0, "b"));
      drain(queue);
      queue.resetStreams(List.of());
      add(queue, 3, whole(0, 0, "c"));
      add(queue, 4, whole(9, 0, "d"));
      assertEquals(List.of("0:c", "9:d"), drain(queue));
    }

    @Test
    void aResetRequestBeforeAllOldDataArrivedIsDeferredAndNewChunksWait() {
      add(queue, 1, whole(0, 0, "old zero"));
      drain(queue);
      // The peer reset stream 0 after sending TSN 3 (SSN 1 and 2); we have TSN 1 only.
      assertFalse(queue.resetStreamsAfter(3, List.of(0), 1));
      assertTrue(queue.hasDeferredReset());

      add(queue, 4, whole(0, 0, "new zero")); // sent after the reset
      add(queue, 5, whole(5, 0, "other stream")); // not affected
      assertEquals(List.of("5:other stream"), drain(queue));
      assertFalse(queue.applyDeferredReset(1), "TSN 2 and 3 still missing");

      add(queue, 3, whole(0, 2, "old two"));
      add(queue, 2, whole(0, 1, "old one"));
      assertEquals(List.of("0:old one", "0:old two"), drain(queue));
      assertTrue(queue.applyDeferredReset(5), "everything up to TSN 3 has arrived");
      assertFalse(queue.hasDeferredReset());
      assertEquals(List.of("0:new zero"), drain(queue));
      assertEquals(0, queue.queuedBytes());
    }

    @Test
    void aResetRequestAfterAllOldDataArrivedIsPerformedAtOnce() {
      add(queue, 1, whole(0, 0, "old"));
      drain(queue);
      assertTrue(queue.resetStreamsAfter(1, List.of(0), 1));
      assertFalse(queue.hasDeferredReset());
      add(queue, 2, whole(0, 0, "new"));
      assertEquals(List.of("0:new"), drain(queue));
    }
  }

  @Nested
  class WithIData {
    private final ReassemblyQueue queue = new ReassemblyQueue(true, ROOMY);

    @Test
    void aMessageInThreeFragmentsArriving312IsDeliveredOnceWhole() {
      add(queue, 12, idata(0, 0, 2, "c", false, true, false));
      add(queue, 10, idata(0, 0, 0, "a", true, false, false));
      assertEquals(List.of(), drain(queue));
      add(queue, 11, idata(0, 0, 1, "b", false, false, false));
      assertEquals(List.of("0:abc"), drain(queue));
      assertEquals(0, queue.queuedBytes());
    }

    @Test
    void interleavedFragmentsOfTwoOrderedMessagesComeOutWholeAndInMidOrder() {
      add(queue, 1, idata(2, 1, 0, "B1", true, false, false));
      add(queue, 2, idata(2, 0, 0, "A1", true, false, false));
      add(queue, 3, idata(2, 1, 1, "B2", false, true, false));
      assertEquals(List.of(), drain(queue), "MID 1 is whole but waits for MID 0");
      add(queue, 4, idata(2, 0, 1, "A2", false, false, false));
      add(queue, 5, idata(2, 0, 2, "A3", false, true, false));
      assertEquals(List.of("2:A1A2A3", "2:B1B2"), drain(queue));
    }

    @Test
    void unorderedMidsAreASequenceOfTheirOwn() {
      // Ordered MID 0 and unordered MID 0 on the same stream are different messages.
      add(queue, 1, idata(0, 0, 0, "ordered-", true, false, false));
      add(queue, 2, idata(0, 0, 0, "unordered-", true, false, true));
      add(queue, 3, idata(0, 1, 0, "late", true, true, true));
      assertEquals(List.of("0U:late"), drain(queue), "unordered MID 1 does not wait for MID 0");
      add(queue, 4, idata(0, 0, 1, "tail", false, true, true));
      add(queue, 5, idata(0, 0, 1, "tail", false, true, false));
      assertEquals(List.of("0U:unordered-tail", "0:ordered-tail"), drain(queue));
    }

    @Test
    void interleavedUnorderedMessagesCompleteInAnyOrder() {
      add(queue, 1, idata(1, 7, 0, "x", true, false, true));
      add(queue, 2, idata(1, 8, 0, "y", true, false, true));
      add(queue, 3, idata(1, 8, 1, "Y", false, true, true));
      add(queue, 4, idata(1, 7, 1, "X", false, true, true));
      assertEquals(List.of("1U:yY", "1U:xX"), drain(queue));
    }

    @Test
    void theMidWrapsAt2To32() {
      add(queue, 1, idata(0, 0, 0, "m", true, true, false));
      drain(queue);
      // Skip ahead to MID 0xFFFFFFFE with forward TSNs (half the space at a time), then wrap.
      queue.handleForwardTsn(2, List.of(new SkippedStream(0, false, 0x7FFF_FFFF)));
      queue.handleForwardTsn(2, List.of(new SkippedStream(0, false, 0xFFFF_FFFD)));
      add(queue, 4, idata(0, 0, 0, "zero", true, true, false));
      add(queue, 5, idata(0, 0xFFFF_FFFF, 0, "max", true, true, false));
      assertEquals(List.of(), drain(queue));
      add(queue, 3, idata(0, 0xFFFF_FFFE, 0, "max-1", true, true, false));
      assertEquals(List.of("0:max-1", "0:max", "0:zero"), drain(queue));
    }

    @Test
    void aMiddleFragmentWithFsnZeroIsMalformedAndDropped() {
      assertTrue(queue.add(1, idata(0, 0, 0, "bad", false, true, false)));
      assertEquals(0, queue.queuedBytes());
      add(queue, 2, idata(0, 0, 0, "good", true, true, false));
      assertEquals(List.of("0:good"), drain(queue));
    }

    @Test
    void anIForwardTsnDropsTheListedPartialMessagesOnly() {
      add(queue, 1, idata(0, 0, 0, "abandoned", true, false, false));
      add(queue, 2, idata(0, 1, 0, "whole", true, true, false));
      add(queue, 3, idata(0, 5, 0, "u-abandoned", true, false, true));
      add(queue, 4, idata(1, 0, 0, "alive", true, false, false)); // rest still coming
      queue.handleForwardTsn(
          5, List.of(new SkippedStream(0, false, 0), new SkippedStream(0, true, 5)));
      assertEquals(List.of("0:whole"), drain(queue));
      add(queue, 6, idata(1, 0, 1, "!", false, true, false));
      assertEquals(List.of("1:alive!"), drain(queue), "a partial below the TSN lives on");
      assertEquals(0, queue.queuedBytes(), "both skipped partial messages are gone");
    }

    @Test
    void aResetStreamStartsAgainAtMidZero() {
      add(queue, 1, idata(0, 0, 0, "old", true, true, false));
      add(queue, 2, idata(0, 0, 0, "old-u-part", true, false, true));
      drain(queue);
      queue.resetStreams(List.of(0));
      assertEquals(0, queue.queuedBytes(), "the old partial unordered message is gone");
      add(queue, 3, idata(0, 0, 0, "new", true, true, false));
      assertEquals(List.of("0:new"), drain(queue));
    }
  }

  @Nested
  class Bounds {
    private static final long FRAGMENT = 100 + ReassemblyQueue.FRAGMENT_OVERHEAD;

    @Test
    void aFragmentBeyondTheByteBoundIsRefusedUntilMessagesArePolled() {
      ReassemblyQueue queue = new ReassemblyQueue(false, 3 * FRAGMENT);
      String hundred = "x".repeat(100);
      add(queue, 2, whole(0, 1, hundred)); // waits for SSN 0
      add(queue, 3, whole(0, 2, hundred));
      add(queue, 4, whole(0, 3, hundred));
      assertEquals(3 * FRAGMENT, queue.queuedBytes());
      assertFalse(queue.add(5, whole(0, 4, hundred)), "no room");
      assertFalse(queue.add(1, whole(0, 0, "x")), "no room even for the missing one");
      assertEquals(3 * FRAGMENT, queue.queuedBytes(), "a refused fragment is not counted");
      assertEquals(List.of(), drain(queue));

      queue.handleForwardTsn(1, List.of(new SkippedStream(0, false, 0)));
      assertEquals(3, drain(queue).size());
      assertEquals(0, queue.queuedBytes());
      assertTrue(queue.add(5, whole(0, 4, hundred)));
    }

    @Test
    void deliveredMessagesCountUntilPolled() {
      ReassemblyQueue queue = new ReassemblyQueue(false, 2 * FRAGMENT);
      String hundred = "x".repeat(100);
      add(queue, 1, whole(0, 0, hundred));
      add(queue, 2, whole(0, 1, hundred));
      assertFalse(queue.add(3, whole(0, 2, hundred)));
      queue.poll();
      assertTrue(queue.add(3, whole(0, 2, hundred)));
    }

    @Test
    void theReceiveWindowStopsAtTheHighWatermark() {
      ReassemblyQueue queue = new ReassemblyQueue(true, 8000);
      assertEquals(7000, queue.receiveWindow());
      add(queue, 1, idata(0, 1, 0, "x".repeat(936), true, true, false)); // 1000 counted
      assertEquals(6000, queue.receiveWindow());
      assertFalse(queue.isAboveWatermark());
      for (int i = 2; i <= 7; i++) {
        add(queue, i, idata(0, i, 0, "x".repeat(936), true, true, false));
      }
      assertTrue(queue.isAboveWatermark());
      assertEquals(0, queue.receiveWindow());
      assertTrue(
          queue.add(8, idata(0, 0, 0, "x".repeat(936), true, true, false)),
          "the room above the watermark takes the chunk the others wait for");
      assertEquals(8, drain(queue).size());
      assertEquals(7000, queue.receiveWindow());
    }

    @Test
    void chunksHeldForADeferredResetCountToo() {
      ReassemblyQueue queue = new ReassemblyQueue(false, 2 * FRAGMENT);
      String hundred = "x".repeat(100);
      queue.resetStreamsAfter(10, List.of(), 0);
      add(queue, 11, whole(0, 0, hundred));
      add(queue, 12, whole(1, 0, hundred));
      assertFalse(queue.add(13, whole(2, 0, hundred)));
      assertEquals(List.of(), drain(queue));
      assertEquals(2 * FRAGMENT, queue.queuedBytes());
    }

    @Test
    void theBoundItselfMustBeSensible() {
      assertThrows(IllegalArgumentException.class, () -> new ReassemblyQueue(false, 0));
      assertThrows(
          IllegalArgumentException.class,
          () -> new ReassemblyQueue(false, ReassemblyQueue.MAX_BYTES_LIMIT + 1));
    }
  }
}
