package org.rtc4j.sctp.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.common.Data;
import org.rtc4j.sctp.packet.GapAckBlock;
import org.rtc4j.sctp.packet.SkippedStream;

/**
 * A Jazzer fuzz target for the receive side as a peer drives it: DATA or I-DATA chunks with any
 * TSN, stream, sequence numbers and flags, FORWARD-TSNs, stream resets, timers and SACKs, in any
 * order, through {@link DataTracker} and {@link ReassemblyQueue} wired as the association wires
 * them. Nothing throws, the byte count never leaves {@code [0, maxBytes]}, and every SACK the
 * tracker describes is well formed. Without {@code JAZZER_FUZZ} it runs over the seeds in {@code
 * ReceiveFuzzTestInputs/}; to fuzz, from the repository root:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-sctp -am test \
 *     -Dtest='ReceiveFuzzTest#peerDrivesTheReceiveSide' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 */
class ReceiveFuzzTest {
  @FuzzTest
  void peerDrivesTheReceiveSide(FuzzedDataProvider in) {
    boolean interleaved = in.consumeBoolean();
    long maxBytes = in.consumeLong(1, 4000);
    int initialTsn = in.consumeInt();
    DataTracker tracker = new DataTracker(initialTsn, in.consumeInt(1, 300));
    ReassemblyQueue queue = new ReassemblyQueue(interleaved, maxBytes);
    long now = 0;
    int operations = 0;
    while (in.remainingBytes() > 0 && operations++ < 2000) {
      switch (in.consumeInt(0, 6)) {
        case 0, 1, 2 -> {
          int tsn = nearby(in, tracker);
          Data data = fragment(in);
          if (!tracker.isTsnValid(tsn)) {
            break;
          }
          if (tracker.isDuplicate(tsn)) {
            tracker.observe(tsn, in.consumeBoolean());
          } else if ((queue.isAboveWatermark() && !tracker.willIncreaseCumAckTsn(tsn))
              || !queue.add(tsn, data)) {
            tracker.forceImmediateAck();
          } else {
            tracker.observe(tsn, in.consumeBoolean());
          }
        }
        case 3 -> {
          int newCumulative = nearby(in, tracker);
          List<SkippedStream> skipped = new ArrayList<>();
          for (int i = in.consumeInt(0, 3); i > 0; i--) {
            skipped.add(
                new SkippedStream(in.consumeInt(0, 5), in.consumeBoolean(), in.consumeInt()));
          }
          if (tracker.handleForwardTsn(newCumulative)) {
            queue.handleForwardTsn(newCumulative, skipped);
          }
        }
        case 4 -> {
          List<Integer> streams = new ArrayList<>();
          for (int i = in.consumeInt(0, 2); i > 0; i--) {
            streams.add(in.consumeInt(0, 0xFFFF));
          }
          if (in.consumeBoolean()) {
            queue.resetStreams(streams);
          } else {
            queue.resetStreamsAfter(nearby(in, tracker), streams, tracker.cumulativeTsnAck());
          }
        }
        case 5 -> {
          now += in.consumeLong(0, Time.millis(300));
          tracker.handleDelayedAckTimeout(now);
        }
        default -> {
          for (ReceivedMessage m = queue.poll(); m != null; m = queue.poll()) {
            assertTrue(m.streamId() >= 0 && m.streamId() <= 0xFFFF);
          }
        }
      }
      tracker.observePacketEnd(now);
      queue.applyDeferredReset(tracker.cumulativeTsnAck());
      assertTrue(queue.queuedBytes() >= 0 && queue.queuedBytes() <= maxBytes, queue::toString);
      assertTrue(tracker.ackDeadline() == Time.NEVER || tracker.ackDeadline() >= now);
      if (tracker.shouldSendAck() || in.consumeBoolean()) {
        sack(tracker);
      }
    }
    while (queue.poll() != null) {
      assertTrue(queue.queuedBytes() >= 0);
    }
  }

  /** A SACK's contents: the offsets the record checks, ascending and non-adjacent. */
  private static void sack(DataTracker tracker) {
    List<GapAckBlock> blocks = tracker.gapAckBlocks(Integer.MAX_VALUE);
    for (int i = 1; i < blocks.size(); i++) {
      assertTrue(blocks.get(i).start() > blocks.get(i - 1).end() + 1, blocks::toString);
    }
    assertTrue(tracker.drainDuplicateTsns(100).size() <= DataTracker.MAX_DUPLICATE_TSNS);
    tracker.sackSent();
    assertEquals(false, tracker.shouldSendAck());
  }

  /** Mostly a TSN near the cumulative ack point, sometimes any. */
  private static int nearby(FuzzedDataProvider in, DataTracker tracker) {
    return in.consumeBoolean()
        ? tracker.cumulativeTsnAck() + in.consumeInt(-8, 40)
        : in.consumeInt();
  }

  private static Data fragment(FuzzedDataProvider in) {
    return new Data(
        in.consumeInt(0, 5),
        in.consumeBoolean() ? in.consumeInt(0, 8) : in.consumeInt(0, 0xFFFF),
        in.consumeInt(-2, 6),
        in.consumeInt(-1, 4),
        in.consumeInt(),
        in.consumeBytes(in.consumeInt(0, 40)),
        in.consumeBoolean(),
        in.consumeBoolean(),
        in.consumeBoolean());
  }
}
