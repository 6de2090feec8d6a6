package org.rtc4j.sctp.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;
import org.rtc4j.sctp.common.Data;

class SendQueueTest {
  static final long NOW = 1_000_000_000L;
  static final long BIG = 64L << 20;
  static final int PPID = PayloadProtocolId.BINARY;
  static final SendOptions ORDERED = SendOptions.RELIABLE;
  static final SendOptions UNORDERED = SendOptions.unorderedReliable();

  static byte[] message(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  static void queue(SendQueue queue, int streamId, byte[] payload, SendOptions options) {
    assertEquals(SendStatus.QUEUED, queue.add(NOW, streamId, PPID, payload, options));
  }

  static List<OutgoingFragment> drain(SendQueue queue, long now, int maxPayload) {
    List<OutgoingFragment> out = new ArrayList<>();
    for (OutgoingFragment f; (f = queue.produce(now, maxPayload)) != null; ) {
      out.add(f);
    }
    return out;
  }

  static byte[] concatenate(List<OutgoingFragment> fragments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (OutgoingFragment f : fragments) {
      out.writeBytes(f.data().payload());
    }
    return out.toByteArray();
  }

  static List<Integer> streamsOf(List<OutgoingFragment> fragments) {
    List<Integer> out = new ArrayList<>();
    for (OutgoingFragment f : fragments) {
      out.add(f.data().streamId());
    }
    return out;
  }

  @Nested
  class Fragmentation {
    @Test
    void aLargeMessageOverIDataIsCutIntoNumberedFragmentsWithOnePpid() {
      SendQueue queue = new SendQueue(true, BIG);
      byte[] payload = message(256 * 1024, 7);
      queue(queue, 1, payload, ORDERED);

      List<OutgoingFragment> fragments = drain(queue, NOW, 1200);

      assertEquals((256 * 1024 + 1199) / 1200, fragments.size());
      for (int i = 0; i < fragments.size(); i++) {
        Data d = fragments.get(i).data();
        assertEquals(i == 0, d.beginning(), "B bit only on the first, RFC 9260 §6.9");
        assertEquals(i == fragments.size() - 1, d.end(), "E bit only on the last");
        assertEquals(i, d.fsn(), "RFC 8260 §2.1: FSNs count from 0");
        assertEquals(0, d.mid(), "the stream's first ordered message");
        assertEquals(i == 0 ? PPID : 0, d.ppid(), "only the first I-DATA fragment has the PPID");
        assertEquals(i == fragments.size() - 1 ? 256 * 1024 % 1200 : 1200, d.length());
        assertEquals(fragments.get(0).messageId(), fragments.get(i).messageId());
      }
      assertArrayEquals(payload, concatenate(fragments));
      assertTrue(queue.isEmpty());
    }

    @Test
    void aLargeMessageOverDataSharesItsSsnAndPpidInEveryFragment() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 4, message(10, 0), ORDERED);
      drain(queue, NOW, 1200); // the stream's SSN 0
      byte[] payload = message(256 * 1024, 9);
      queue(queue, 4, payload, ORDERED);

      List<OutgoingFragment> fragments = drain(queue, NOW, 1000);

      assertEquals(263, fragments.size());
      for (int i = 0; i < fragments.size(); i++) {
        Data d = fragments.get(i).data();
        assertEquals(1, d.ssn(), "all fragments carry the message's SSN");
        assertEquals(PPID, d.ppid());
        assertEquals(0, d.fsn(), "DATA has no FSN; the TSNs order the fragments");
        assertEquals(0, d.mid());
        assertEquals(i == 0, d.beginning());
        assertEquals(i == 262, d.end());
      }
      assertArrayEquals(payload, concatenate(fragments));
    }

    @Test
    void aMessageThatFitsGoesOutWithoutACopy() {
      SendQueue queue = new SendQueue(false, BIG);
      byte[] payload = message(1024, 1);
      queue(queue, 0, payload, ORDERED);

      OutgoingFragment f = queue.produce(NOW, 1024);

      assertSame(payload, f.data().payload());
      assertTrue(f.data().beginning() && f.data().end());
    }

    @Test
    void eachCallMayAllowADifferentSize() {
      SendQueue queue = new SendQueue(true, BIG);
      byte[] payload = message(100, 3);
      queue(queue, 0, payload, ORDERED);

      assertEquals(10, queue.produce(NOW, 10).data().length());
      assertEquals(50, queue.produce(NOW, 50).data().length());
      OutgoingFragment last = queue.produce(NOW, 1000);
      assertEquals(40, last.data().length());
      assertTrue(last.data().end());
      assertEquals(2, last.data().fsn());
    }
  }

  @Nested
  class Numbering {
    @Test
    void ssnsCountPerStreamAndWrapAt65536() {
      SendQueue queue = new SendQueue(false, BIG);
      for (int i = 0; i <= 65536 + 2; i++) {
        queue(queue, 3, new byte[] {1}, ORDERED);
        assertEquals(i & 0xFFFF, queue.produce(NOW, 100).data().ssn(), "message " + i);
      }
      queue(queue, 5, new byte[] {1}, ORDERED);
      assertEquals(0, queue.produce(NOW, 100).data().ssn(), "another stream counts on its own");
    }

    @Test
    void unorderedDataMessagesHaveSsnZeroAndTakeNoneFromTheStream() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(5, 0), ORDERED);
      queue(queue, 1, message(5, 1), UNORDERED);
      queue(queue, 1, message(5, 2), ORDERED);

      List<OutgoingFragment> out = drain(queue, NOW, 100);

      assertEquals(List.of(0, 0, 1), out.stream().map(f -> f.data().ssn()).toList());
      assertEquals(
          List.of(false, true, false), out.stream().map(f -> f.data().unordered()).toList());
    }

    @Test
    void iDataNumbersOrderedAndUnorderedMessagesInSeparateMidSequences() {
      SendQueue queue = new SendQueue(true, BIG);
      queue(queue, 1, message(5, 0), ORDERED);
      queue(queue, 1, message(5, 1), UNORDERED);
      queue(queue, 1, message(5, 2), ORDERED);
      queue(queue, 1, message(5, 3), UNORDERED);
      queue(queue, 1, message(5, 4), UNORDERED);

      List<OutgoingFragment> out = drain(queue, NOW, 100);

      assertEquals(List.of(0, 0, 1, 1, 2), out.stream().map(f -> f.data().mid()).toList());
      assertEquals(List.of(0, 0, 0, 0, 0), out.stream().map(f -> f.data().ssn()).toList());
    }

    @Test
    void messageIdsAreUniqueAcrossStreams() {
      SendQueue queue = new SendQueue(true, BIG);
      queue(queue, 1, message(5, 0), ORDERED);
      queue(queue, 2, message(5, 0), ORDERED);
      queue(queue, 1, message(5, 0), UNORDERED);

      List<OutgoingFragment> out = drain(queue, NOW, 100);

      assertEquals(3, out.stream().map(OutgoingFragment::messageId).distinct().count());
    }

    @Test
    void theFragmentCarriesTheRetransmissionLimit() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(5, 0), new SendOptions(true, 3, SendOptions.UNLIMITED));

      OutgoingFragment f = queue.produce(NOW, 100);

      assertEquals(3, f.maxRetransmits());
      assertEquals(Long.MAX_VALUE, f.expiresAt());
    }
  }

  @Nested
  class Scheduling {
    @Test
    void threeStreamsTakeTurnsOneMessageEach() {
      SendQueue queue = new SendQueue(false, BIG);
      for (int i = 0; i < 3; i++) {
        for (int stream = 1; stream <= 3; stream++) {
          queue(queue, stream, message(100, i), ORDERED);
        }
      }

      assertEquals(List.of(1, 2, 3, 1, 2, 3, 1, 2, 3), streamsOf(drain(queue, NOW, 1000)));
    }

    @Test
    void aBusyStreamDoesNotStarveTheOthers() {
      SendQueue queue = new SendQueue(false, BIG);
      for (int i = 0; i < 10; i++) {
        queue(queue, 1, message(100, i), ORDERED);
      }
      queue(queue, 2, message(100, 0), ORDERED);
      queue(queue, 3, message(100, 0), ORDERED);

      List<Integer> order = streamsOf(drain(queue, NOW, 1000));

      assertEquals(List.of(1, 2, 3, 1, 1, 1), order.subList(0, 6));
    }

    @Test
    void aStreamThatGetsDataJoinsAtTheEndOfTheRound() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(10, 0), ORDERED);
      queue(queue, 1, message(10, 1), ORDERED);
      queue(queue, 2, message(10, 0), ORDERED);
      queue(queue, 2, message(10, 1), ORDERED);
      assertEquals(1, queue.produce(NOW, 100).data().streamId());

      queue(queue, 3, message(10, 0), ORDERED);

      assertEquals(
          List.of(2, 1, 3, 2),
          streamsOf(drain(queue, NOW, 100)),
          "streams 2 and 1 were there first: each has its turn before stream 3");
    }

    @Test
    void withDataAStreamKeepsItsTurnUntilTheMessageEnds() {
      SendQueue queue = new SendQueue(false, BIG);
      for (int stream = 1; stream <= 3; stream++) {
        queue(queue, stream, message(3000, stream), ORDERED);
      }

      assertEquals(List.of(1, 1, 1, 2, 2, 2, 3, 3, 3), streamsOf(drain(queue, NOW, 1000)));
    }

    @Test
    void withIDataStreamsTakeTurnsOneFragmentEach() {
      SendQueue queue = new SendQueue(true, BIG);
      for (int stream = 1; stream <= 3; stream++) {
        queue(queue, stream, message(3000, stream), ORDERED);
      }

      assertEquals(List.of(1, 2, 3, 1, 2, 3, 1, 2, 3), streamsOf(drain(queue, NOW, 1000)));
    }

    @Test
    void withIDataASmallMessageOvertakesTheRestOfALargeOne() {
      SendQueue queue = new SendQueue(true, BIG);
      queue(queue, 1, message(10_000, 1), ORDERED);
      queue.produce(NOW, 1000);
      queue.produce(NOW, 1000);

      queue(queue, 2, message(50, 2), ORDERED);
      List<OutgoingFragment> out = drain(queue, NOW, 1000);

      assertEquals(List.of(1, 2, 1, 1, 1, 1, 1, 1, 1), streamsOf(out), "RFC 8260 §1: no blocking");
      OutgoingFragment small = out.get(1);
      assertTrue(small.data().beginning() && small.data().end());
      assertEquals(2, out.get(0).data().fsn());
      assertEquals(3, out.get(2).data().fsn(), "the large message goes on where it was");
    }

    @Test
    void withDataASmallMessageWaitsForTheEndOfALargeOne() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(10_000, 1), ORDERED);
      queue.produce(NOW, 1000);
      queue.produce(NOW, 1000);

      queue(queue, 2, message(50, 2), ORDERED);
      List<Integer> order = streamsOf(drain(queue, NOW, 1000));

      assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 2), order, "RFC 9260 §6.9: consecutive TSNs");
    }
  }

  @Nested
  class Bound {
    @Test
    void theMessageThatReachesTheBoundExactlyIsTakenAndOneByteMoreIsNot() {
      long bound = 1000 + SendQueue.MESSAGE_OVERHEAD + 500 + SendQueue.MESSAGE_OVERHEAD;
      SendQueue queue = new SendQueue(false, bound);
      queue(queue, 1, message(1000, 0), ORDERED);

      assertEquals(SendStatus.BUFFER_FULL, queue.add(NOW, 2, PPID, message(501, 0), ORDERED));
      assertEquals(SendStatus.QUEUED, queue.add(NOW, 2, PPID, message(500, 0), ORDERED));
      assertEquals(SendStatus.BUFFER_FULL, queue.add(NOW, 3, PPID, new byte[1], ORDERED));
      assertEquals(1500, queue.totalBufferedAmount(), "refused messages count for nothing");
      assertEquals(0, queue.bufferedAmount(3));
    }

    @Test
    void producingFragmentsMakesRoom() {
      long bound = 1000 + SendQueue.MESSAGE_OVERHEAD;
      SendQueue queue = new SendQueue(true, bound);
      queue(queue, 1, message(1000, 0), ORDERED);
      assertEquals(SendStatus.BUFFER_FULL, queue.add(NOW, 1, PPID, new byte[1], ORDERED));

      queue.produce(NOW, 400);

      assertEquals(SendStatus.BUFFER_FULL, queue.add(NOW, 1, PPID, new byte[401], ORDERED));
      assertEquals(
          SendStatus.QUEUED,
          queue.add(NOW, 1, PPID, new byte[400 - SendQueue.MESSAGE_OVERHEAD], ORDERED));
    }

    @Test
    void aFloodOfOneByteMessagesIsBoundedByTheOverhead() {
      SendQueue queue = new SendQueue(false, 100 * (1 + SendQueue.MESSAGE_OVERHEAD));
      int taken = 0;
      while (queue.add(NOW, taken % 7, PPID, new byte[1], UNORDERED) == SendStatus.QUEUED) {
        taken++;
      }
      assertEquals(100, taken);
    }

    @Test
    void aMessageLargerThanTheWholeBufferIsNeverTaken() {
      SendQueue queue = new SendQueue(false, 1000);
      assertEquals(SendStatus.BUFFER_FULL, queue.add(NOW, 0, PPID, new byte[1000], ORDERED));
      assertTrue(queue.isEmpty());
    }
  }

  @Nested
  class BufferedAmount {
    @Test
    void countsTheBytesNotYetProduced() {
      SendQueue queue = new SendQueue(true, BIG);
      queue(queue, 1, message(3000, 0), ORDERED);
      queue(queue, 2, message(500, 0), ORDERED);
      assertEquals(3000, queue.bufferedAmount(1));
      assertEquals(3500, queue.totalBufferedAmount());

      queue.produce(NOW, 1000); // stream 1's first fragment

      assertEquals(2000, queue.bufferedAmount(1));
      assertEquals(500, queue.bufferedAmount(2));
      assertEquals(2500, queue.totalBufferedAmount());
      assertEquals(0, queue.bufferedAmount(9), "a stream never used has nothing buffered");
    }

    @Test
    void theLowEventFiresOncePerCrossing() {
      SendQueue queue = new SendQueue(false, BIG);
      queue.setBufferedAmountLowThreshold(1, 1000);
      queue(queue, 1, message(3000, 0), ORDERED);
      assertEquals(-1, queue.pollBufferedAmountLow(), "adding never fires the event");

      queue.produce(NOW, 1000);
      assertEquals(-1, queue.pollBufferedAmountLow(), "2000 left: still above");
      queue.produce(NOW, 1000);
      assertEquals(1, queue.pollBufferedAmountLow(), "1000 left: at the threshold");
      assertEquals(-1, queue.pollBufferedAmountLow());
      queue.produce(NOW, 1000);
      assertEquals(-1, queue.pollBufferedAmountLow(), "already below: no new crossing");

      queue(queue, 1, message(1500, 0), ORDERED);
      queue.produce(NOW, 1000);
      assertEquals(1, queue.pollBufferedAmountLow(), "back above, then below again");
    }

    @Test
    void theDefaultThresholdIsZeroSoTheEventSaysTheStreamIsDrained() {
      SendQueue queue = new SendQueue(true, BIG);
      queue(queue, 1, message(10, 0), ORDERED);
      queue(queue, 2, message(10, 0), ORDERED);
      queue(queue, 1, message(10, 0), ORDERED);

      drain(queue, NOW, 100);

      assertEquals(2, queue.pollBufferedAmountLow(), "stream 2 drained first");
      assertEquals(1, queue.pollBufferedAmountLow());
      assertEquals(-1, queue.pollBufferedAmountLow());
    }

    @Test
    void crossingsBeforeThePollYieldOneEvent() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(10, 0), ORDERED);
      drain(queue, NOW, 100);
      queue(queue, 1, message(10, 0), ORDERED);
      drain(queue, NOW, 100);

      assertEquals(1, queue.pollBufferedAmountLow());
      assertEquals(-1, queue.pollBufferedAmountLow());
    }

    @Test
    void manyStreamsEachGetTheirEvent() {
      SendQueue queue = new SendQueue(false, BIG);
      for (int stream = 0; stream < 1000; stream++) {
        queue(queue, stream, new byte[1], ORDERED);
      }
      drain(queue, NOW, 100);
      for (int stream = 0; stream < 1000; stream++) {
        assertEquals(stream, queue.pollBufferedAmountLow());
      }
      assertEquals(-1, queue.pollBufferedAmountLow());
    }
  }

  @Nested
  class Lifetime {
    static final SendOptions LIVES_100_NS = new SendOptions(false, SendOptions.UNLIMITED, 100);

    @Test
    void aMessageLivesThroughItsLifetimeAndIsDroppedAfterIt() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(10, 0), LIVES_100_NS);

      OutgoingFragment f = queue.produce(NOW + 100, 1000);

      assertEquals(NOW + 101, f.expiresAt(), "the first time it is dead");
    }

    @Test
    void aDeadMessageIsDroppedUnsentAndItsBytesLeaveTheBuffer() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(10, 0), LIVES_100_NS);
      queue(queue, 1, message(20, 1), ORDERED);

      OutgoingFragment f = queue.produce(NOW + 101, 1000);

      assertEquals(20, f.data().length(), "the reliable message behind it goes out");
      assertEquals(0, f.data().ssn(), "the dropped message took no SSN: no gap");
      assertEquals(0, queue.totalBufferedAmount());
      assertEquals(1, queue.pollBufferedAmountLow());
    }

    @Test
    void aMessageWithLifetimeZeroCanGoOutAtOnce() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(10, 0), new SendOptions(false, SendOptions.UNLIMITED, 0));

      assertEquals(10, queue.produce(NOW, 1000).data().length());
    }

    @Test
    void aMessageThatHasBegunIsFinishedEvenAfterItsLifetime() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(3000, 0), LIVES_100_NS);
      queue.produce(NOW, 1000);

      List<OutgoingFragment> rest = drain(queue, NOW + 1000, 1000);

      assertEquals(2, rest.size(), "the retransmission queue abandons it, not the send queue");
      assertTrue(rest.get(1).data().end());
    }

    @Test
    void onlyDeadMessagesAreDropped() {
      SendQueue queue = new SendQueue(true, BIG);
      queue(queue, 1, message(10, 0), LIVES_100_NS);
      queue(queue, 2, message(10, 0), LIVES_100_NS);
      assertEquals(
          SendStatus.QUEUED,
          queue.add(
              NOW + 50,
              3,
              PPID,
              message(10, 0),
              new SendOptions(true, SendOptions.UNLIMITED, 100)));

      List<OutgoingFragment> out = drain(queue, NOW + 120, 1000);

      assertEquals(List.of(3), streamsOf(out));
      assertTrue(queue.isEmpty());
    }
  }

  @Nested
  class Discard {
    @Test
    void aPartlyProducedMessageIsDroppedAndReleasesTheTurn() {
      SendQueue queue = new SendQueue(false, BIG);
      queue.setBufferedAmountLowThreshold(1, 0);
      queue(queue, 1, message(5000, 0), new SendOptions(false, 0, SendOptions.UNLIMITED));
      queue(queue, 2, message(10, 0), ORDERED);
      OutgoingFragment first = queue.produce(NOW, 1000);

      assertTrue(queue.discard(1, first.messageId()), "fragments were still queued");

      assertEquals(0, queue.bufferedAmount(1));
      assertEquals(10, queue.totalBufferedAmount());
      assertEquals(1, queue.pollBufferedAmountLow());
      assertEquals(2, queue.produce(NOW, 1000).data().streamId());
      assertNull(queue.produce(NOW, 1000));
    }

    @Test
    void theDiscardedMessageKeepsItsSsnAndTheNextTakesTheFollowingOne() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(5000, 0), new SendOptions(false, 0, SendOptions.UNLIMITED));
      queue(queue, 1, message(10, 0), ORDERED);
      OutgoingFragment first = queue.produce(NOW, 1000);
      queue.discard(1, first.messageId());

      OutgoingFragment next = queue.produce(NOW, 1000);

      assertEquals(1, next.data().ssn(), "the receiver skips SSN 0 on FORWARD-TSN");
      assertNotEquals(first.messageId(), next.messageId());
    }

    @Test
    void aMessageAlreadyFullyProducedIsNotQueued() {
      SendQueue queue = new SendQueue(true, BIG);
      queue(queue, 1, message(10, 0), ORDERED);
      queue(queue, 1, message(10, 1), ORDERED);
      OutgoingFragment whole = queue.produce(NOW, 1000);

      assertFalse(queue.discard(1, whole.messageId()));
      assertFalse(queue.discard(7, whole.messageId()), "a stream never used");
      assertFalse(queue.discard(70_000, whole.messageId()), "not a stream id");
      assertEquals(10, queue.bufferedAmount(1), "the next message stays");
    }

    @Test
    void withIDataTheOtherStreamsCarryOn() {
      SendQueue queue = new SendQueue(true, BIG);
      queue(queue, 1, message(5000, 0), ORDERED);
      queue(queue, 2, message(5000, 0), ORDERED);
      OutgoingFragment first = queue.produce(NOW, 1000);
      queue.produce(NOW, 1000);

      assertTrue(queue.discard(1, first.messageId()));

      List<OutgoingFragment> rest = drain(queue, NOW, 1000);
      assertEquals(List.of(2, 2, 2, 2), streamsOf(rest));
    }
  }

  @Nested
  class StreamReset {
    @Test
    void aStreamIsResetAfterWhatItHoldsIsSentAndThenNumbersFromZero() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(10, 0), ORDERED);
      drain(queue, NOW, 1000); // SSN 0
      queue(queue, 1, message(3000, 1), ORDERED); // SSN 1
      queue.produce(NOW, 1000);

      queue.prepareResetStreams(List.of(1));

      assertEquals(SendStatus.STREAM_CLOSED, queue.add(NOW, 1, PPID, new byte[1], ORDERED));
      assertFalse(queue.hasStreamsReadyToBeReset(), "a partly produced message remains");
      List<OutgoingFragment> rest = drain(queue, NOW, 1000);
      assertEquals(2, rest.size(), "RFC 8831 §6.7: the queued data goes out first");
      assertTrue(queue.hasStreamsReadyToBeReset());

      assertEquals(List.of(1), queue.getStreamsReadyToBeReset());
      assertFalse(queue.hasStreamsReadyToBeReset(), "now in the pending request");
      assertEquals(List.of(), queue.getStreamsReadyToBeReset());
      assertEquals(SendStatus.STREAM_CLOSED, queue.add(NOW, 1, PPID, new byte[1], ORDERED));

      queue.commitResetStreams();

      queue(queue, 1, new byte[1], ORDERED);
      assertEquals(0, queue.produce(NOW, 1000).data().ssn(), "RFC 6525: SSN back to 0");
    }

    @Test
    void aDeniedResetReopensTheStreamWithItsNumbering() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, new byte[1], ORDERED);
      queue(queue, 1, new byte[1], ORDERED);
      drain(queue, NOW, 100);
      queue.prepareResetStreams(List.of(1));
      assertEquals(List.of(1), queue.getStreamsReadyToBeReset());

      queue.rollbackResetStreams();

      queue(queue, 1, new byte[1], ORDERED);
      assertEquals(2, queue.produce(NOW, 1000).data().ssn());
    }

    @Test
    void iDataResetsBothMidSequences() {
      SendQueue queue = new SendQueue(true, BIG);
      queue(queue, 1, new byte[1], ORDERED);
      queue(queue, 1, new byte[1], UNORDERED);
      drain(queue, NOW, 100);
      queue.prepareResetStreams(List.of(1));
      queue.getStreamsReadyToBeReset();
      queue.commitResetStreams();

      queue(queue, 1, new byte[1], UNORDERED);
      queue(queue, 1, new byte[1], ORDERED);
      List<OutgoingFragment> out = drain(queue, NOW, 100);

      assertEquals(List.of(0, 0), out.stream().map(f -> f.data().mid()).toList());
    }

    @Test
    void onlyTheStreamsReadyGoInTheRequest() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 2, message(10, 0), ORDERED);
      queue.prepareResetStreams(List.of(5, 2, 3));

      assertEquals(List.of(3, 5), queue.getStreamsReadyToBeReset(), "never used: ready at once");
      queue(queue, 4, message(10, 0), ORDERED);
      drain(queue, NOW, 100);
      assertTrue(queue.hasStreamsReadyToBeReset(), "stream 2 is ready for the next request");

      queue.commitResetStreams();

      assertEquals(SendStatus.QUEUED, queue.add(NOW, 5, PPID, new byte[1], ORDERED));
      assertEquals(SendStatus.STREAM_CLOSED, queue.add(NOW, 2, PPID, new byte[1], ORDERED));
      assertEquals(List.of(2), queue.getStreamsReadyToBeReset());
    }

    @Test
    void aStreamWhosePartMessageIsDiscardedBecomesReady() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 1, message(3000, 0), new SendOptions(false, 0, SendOptions.UNLIMITED));
      OutgoingFragment first = queue.produce(NOW, 1000);
      queue.prepareResetStreams(List.of(1));
      assertFalse(queue.hasStreamsReadyToBeReset());

      queue.discard(1, first.messageId());

      assertTrue(queue.hasStreamsReadyToBeReset());
    }

    @Test
    void preparingTwiceChangesNothing() {
      SendQueue queue = new SendQueue(false, BIG);
      queue.prepareResetStreams(List.of(1));
      queue.prepareResetStreams(List.of(1, 1));
      assertEquals(List.of(1), queue.getStreamsReadyToBeReset());
      queue.prepareResetStreams(List.of(1));
      assertFalse(queue.hasStreamsReadyToBeReset(), "already in the pending request");
    }

    @Test
    void aBadStreamIdPausesNothing() {
      SendQueue queue = new SendQueue(false, BIG);
      assertThrows(
          IllegalArgumentException.class, () -> queue.prepareResetStreams(List.of(1, 65536)));
      assertEquals(SendStatus.QUEUED, queue.add(NOW, 1, PPID, new byte[1], ORDERED));
    }
  }

  @Nested
  class Restart {
    @Test
    void aPartlyProducedMessageStartsOverAndAllStreamsNumberFromZero() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 2, new byte[1], ORDERED);
      drain(queue, NOW, 100);
      byte[] payload = message(3000, 5);
      queue(queue, 1, payload, ORDERED);
      OutgoingFragment before = queue.produce(NOW, 1000);
      queue.prepareResetStreams(List.of(3));

      queue.reset();

      assertEquals(3000, queue.bufferedAmount(1), "its bytes count again");
      List<OutgoingFragment> again = drain(queue, NOW, 1000);
      assertEquals(3, again.size());
      assertTrue(again.get(0).data().beginning());
      assertEquals(0, again.get(0).data().ssn());
      assertNotEquals(before.messageId(), again.get(0).messageId());
      assertArrayEquals(payload, concatenate(again));
      queue(queue, 2, new byte[1], ORDERED);
      assertEquals(0, queue.produce(NOW, 100).data().ssn());
      assertFalse(queue.hasStreamsReadyToBeReset(), "pauses are forgotten");
      assertEquals(SendStatus.QUEUED, queue.add(NOW, 3, PPID, new byte[1], ORDERED));
    }
  }

  @Nested
  class CallerMistakes {
    @Test
    void areRefusedLoudly() {
      SendQueue queue = new SendQueue(false, BIG);
      assertThrows(
          IllegalArgumentException.class, () -> queue.add(NOW, 1, PPID, new byte[0], ORDERED));
      assertThrows(
          IllegalArgumentException.class, () -> queue.add(NOW, 65536, PPID, new byte[1], ORDERED));
      assertThrows(
          IllegalArgumentException.class, () -> queue.add(NOW, -1, PPID, new byte[1], ORDERED));
      assertThrows(IllegalArgumentException.class, () -> queue.produce(NOW, 0));
      assertThrows(
          IllegalArgumentException.class, () -> queue.setBufferedAmountLowThreshold(1, -1));
      assertThrows(IllegalArgumentException.class, () -> new SendQueue(false, 0));
      assertTrue(queue.isEmpty());
    }

    @Test
    void theHighestStreamIdWorks() {
      SendQueue queue = new SendQueue(false, BIG);
      queue(queue, 65535, new byte[1], ORDERED);
      assertEquals(65535, queue.produce(NOW, 10).data().streamId());
    }
  }
}
