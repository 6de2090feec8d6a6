package org.rtc4j.sctp.tx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.packet.GapAckBlock;

/**
 * Jazzer fuzz target for {@link RetransmissionQueue} driven by a peer that may say anything in its
 * SACKs. Without {@code JAZZER_FUZZ} it runs as an ordinary test over the seeds in {@code
 * RetransmissionQueueFuzzTestInputs/sacksFromAnyPeer/}. To fuzz:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-sctp -am test \
 *     -Dtest='RetransmissionQueueFuzzTest#sacksFromAnyPeer' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 */
class RetransmissionQueueFuzzTest {
  private static final int MTU = 1200;
  private static final long MAX_HELD = 32 * 1024;

  /**
   * Sends, SACKs with any cumulative ack, window and gap blocks, timer expiries and FORWARD-TSNs,
   * in any order: nothing throws, the bookkeeping stays consistent, a packet never overflows, and
   * the held data stays bounded.
   */
  @FuzzTest
  void sacksFromAnyPeer(FuzzedDataProvider data) {
    FakeFragmentSource source = new FakeFragmentSource();
    boolean interleaved = data.consumeBoolean();
    RetransmissionQueueConfig config =
        RetransmissionQueueConfig.of(MTU, interleaved ? 20 : 16)
            .withMaxHeldBytes(MAX_HELD)
            .withPartialReliability(data.consumeBoolean());
    RetransmissionQueue queue =
        new RetransmissionQueue(
            source,
            data.consumeInt(),
            data.consumeLong(0, 0xFFFF_FFFFL),
            config,
            RetransmitTimeout.ofWebRtc());
    long now = 0;
    int ssn = 0;
    for (int op = 0; op < 400 && data.remainingBytes() > 0; op++) {
      switch (data.consumeInt(0, 5)) {
        case 0 -> {
          int room = data.consumeInt(0, 1500);
          int bytes = 0;
          for (TsnFragment fragment : queue.getChunksToSend(now, room)) {
            bytes += config.chunkSize(fragment.data().length());
          }
          assertTrue(bytes <= room, "packet overflow");
        }
        case 1 -> {
          int last = queue.lastCumulativeTsnAck();
          int cumulative =
              data.consumeBoolean() ? last + data.consumeInt(-3, 40) : data.consumeInt();
          long window = data.consumeLong(0, 0xFFFF_FFFFL);
          List<GapAckBlock> blocks = new ArrayList<>();
          int count = data.consumeInt(0, 6);
          for (int i = 0; i < count; i++) {
            int start = data.consumeInt(1, data.consumeBoolean() ? 64 : 0xFFFF);
            blocks.add(
                new GapAckBlock(start, data.consumeInt(start, Math.min(0xFFFF, start + 64))));
          }
          queue.handleSack(now, cumulative, window, blocks);
        }
        case 2 -> {
          now += data.consumeLong(0, Time.seconds(2));
          queue.handleT3RtxExpiry(now);
        }
        case 3 -> {
          if (queue.shouldSendForwardTsn(now)) {
            queue.forwardTsnNewCumulativeTsn();
            queue.forwardTsnSkippedStreams(interleaved);
            queue.forwardTsnSent(now);
          }
        }
        case 4 -> {
          int bytes = data.consumeInt(1, 4000);
          long maxRetransmits =
              data.consumeBoolean() ? SendOptions.UNLIMITED : data.consumeInt(0, 2);
          long expiresAt =
              data.consumeBoolean() ? Long.MAX_VALUE : now + data.consumeLong(0, Time.seconds(1));
          source.add(
              data.consumeInt(0, 3),
              ssn++ & 0xFFFF,
              ssn,
              data.consumeBoolean(),
              bytes,
              maxRetransmits,
              expiresAt);
        }
        default -> now += data.consumeLong(0, Time.millis(100));
      }
      assertTrue(queue.isConsistent(), "consistent after op " + op);
      assertTrue(queue.heldBytes() <= MAX_HELD + MTU, "held " + queue.heldBytes());
      assertTrue(queue.outstandingBytes() <= queue.heldBytes());
    }
  }
}
