package org.rtc4j.sctp.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.packet.GapAckBlock;

/**
 * Property tests: a sender and a model receiver over a link that loses DATA, SACKs and FORWARD-TSNs
 * at random. Whatever is lost, the bookkeeping stays consistent, new data goes only under cwnd,
 * held data stays bounded, and once the losses stop everything drains: reliable data all arrives,
 * and the receiver's cumulative ack reaches the last TSN. QuickTheories with a fixed seed.
 */
class RetransmissionQueuePropertyTest {
  private static final long SEED = 0x5EED_2026L;
  private static final int MTU = 1200;
  private static final int ROOM = MTU - 12;
  private static final long MAX_HELD = 64 * 1024;

  @Test
  void everythingDrainsWhateverTheLosses() {
    qt().withFixedSeed(SEED)
        .withExamples(40)
        .forAll(longs().all(), integers().between(0, 30), booleans().all())
        .checkAssert(RetransmissionQueuePropertyTest::simulate);
  }

  @Test
  void aHealthyLinkNeedsNoRepair() {
    qt().withFixedSeed(SEED)
        .withExamples(10)
        .forAll(longs().all(), integers().between(0, 0), booleans().all())
        .checkAssert(RetransmissionQueuePropertyTest::simulate);
  }

  private static void simulate(long seed, int lossPercent, boolean partiallyReliable) {
    SplittableRandom random = new SplittableRandom(seed);
    FakeFragmentSource source = new FakeFragmentSource();
    // Half the runs start just below 2^32, so that TSNs wrap while data is in flight.
    int initialTsn = random.nextBoolean() ? -1 - random.nextInt(100) : random.nextInt();
    boolean interleaved = random.nextBoolean();
    int header = interleaved ? 20 : 16;
    RetransmissionQueueConfig config =
        RetransmissionQueueConfig.of(MTU, header).withMaxHeldBytes(MAX_HELD);
    RetransmissionQueue queue =
        new RetransmissionQueue(
            source, initialTsn, 64 * 1024, config, RetransmitTimeout.ofWebRtc());
    ModelReceiver peer = new ModelReceiver(initialTsn);
    int messages = 300;
    for (int i = 0; i < messages; i++) {
      int bytes = 1 + random.nextInt(3000);
      int stream = random.nextInt(4);
      if (partiallyReliable && random.nextInt(3) == 0) {
        if (random.nextBoolean()) {
          source.add(stream, i & 0xFFFF, i, false, bytes, random.nextInt(3), Long.MAX_VALUE);
        } else {
          long lifetime = Time.millis(50 + random.nextInt(500));
          source.add(stream, i & 0xFFFF, i, true, bytes, SendOptions.UNLIMITED, lifetime);
        }
      } else {
        source.add(stream, i & 0xFFFF, i, false, bytes, SendOptions.UNLIMITED, Long.MAX_VALUE);
      }
    }

    long now = 0;
    int lossyUntil = 1500;
    int retransmitted = 0;
    int forwardTsns = 0;
    int expiries = 0;
    for (int step = 0; step < 8000; step++) {
      if (step > lossyUntil && source.isEmpty() && queue.isEmpty()) {
        break;
      }
      boolean lossy = step <= lossyUntil;
      now += Time.millis(5);
      if (queue.handleT3RtxExpiry(now)) {
        expiries++;
      }
      if (queue.shouldSendForwardTsn(now)) {
        forwardTsns++;
        int newCumulative = queue.forwardTsnNewCumulativeTsn();
        assertTrue(queue.forwardTsnSkippedStreams(interleaved).size() <= 8);
        if (!lost(random, lossy, lossPercent)) {
          peer.forwardTsn(newCumulative);
        }
        queue.forwardTsnSent(now);
      }
      for (int packet = 0; packet < 8; packet++) {
        long inFlight = queue.outstandingBytes();
        long cwnd = queue.cwnd();
        int nextTsn = queue.nextTsn();
        List<TsnFragment> chunks = queue.getChunksToSend(now, ROOM);
        if (chunks.isEmpty()) {
          break;
        }
        int bytes = 0;
        for (TsnFragment chunk : chunks) {
          if (chunk.tsn() - nextTsn < 0) {
            retransmitted++;
          }
          bytes += config.chunkSize(chunk.data().length());
        }
        assertTrue(bytes <= ROOM, "a packet's worth at most");
        if (queue.nextTsn() != nextTsn) {
          assertTrue(inFlight < cwnd, "new data only while below cwnd (RFC 9260 §6.1 B)");
        }
        if (!lost(random, lossy, lossPercent)) {
          for (TsnFragment chunk : chunks) {
            peer.receive(chunk.tsn());
          }
        }
      }
      if (!lost(random, lossy, lossPercent)) {
        long window = random.nextInt(5) == 0 ? random.nextInt(4000) : 256 * 1024;
        queue.handleSack(now, peer.cumulativeTsnAck(), window, peer.gapAckBlocks());
      }
      assertTrue(queue.isConsistent(), "consistent at step " + step);
      assertTrue(queue.heldBytes() <= MAX_HELD + ROOM, "held " + queue.heldBytes());
    }
    if (lossPercent == 0) {
      assertEquals(0, retransmitted, "nothing lost, nothing retransmitted");
      assertEquals(0, expiries, "every SACK in time: T3-rtx never expires");
    }
    if (lossPercent >= 10) {
      assertTrue(retransmitted > 0, "losses were repaired");
    }
    if (partiallyReliable && lossPercent >= 10) {
      assertTrue(forwardTsns > 0, "abandoned messages were skipped");
    }
    assertTrue(source.isEmpty(), "all produced");
    assertTrue(queue.isEmpty(), "all acknowledged or skipped: " + queue);
    assertEquals(queue.nextTsn() - 1, peer.cumulativeTsnAck());
    if (!partiallyReliable) {
      assertEquals(peer.span(), peer.received(), "reliable: every TSN arrived");
    }
  }

  private static boolean lost(SplittableRandom random, boolean lossy, int lossPercent) {
    return lossy && random.nextInt(100) < lossPercent;
  }

  /** A receiver that only keeps TSNs: its cumulative ack, the TSNs above it, gap blocks. */
  private static final class ModelReceiver {
    private final long first;
    private long cumulative;
    private final TreeSet<Long> above = new TreeSet<>();
    private final Set<Long> everReceived = new HashSet<>();

    ModelReceiver(int initialTsn) {
      first = Integer.toUnsignedLong(initialTsn);
      cumulative = first - 1;
    }

    private long unwrap(int tsn) {
      return cumulative + (int) (tsn - (int) cumulative);
    }

    void receive(int wire) {
      long tsn = unwrap(wire);
      everReceived.add(tsn);
      if (tsn > cumulative) {
        above.add(tsn);
        advance();
      }
    }

    void forwardTsn(int wire) {
      long tsn = unwrap(wire);
      if (tsn > cumulative) {
        cumulative = tsn;
        above.headSet(tsn, true).clear();
        advance();
      }
    }

    private void advance() {
      while (above.remove(cumulative + 1)) {
        cumulative++;
      }
    }

    int cumulativeTsnAck() {
      return (int) cumulative;
    }

    List<GapAckBlock> gapAckBlocks() {
      List<GapAckBlock> blocks = new ArrayList<>();
      long start = -1;
      long end = -1;
      for (long tsn : above) {
        if (tsn - cumulative > 0xFFFF) {
          break;
        }
        if (start >= 0 && tsn == end + 1) {
          end = tsn;
          continue;
        }
        if (start >= 0) {
          blocks.add(new GapAckBlock((int) (start - cumulative), (int) (end - cumulative)));
        }
        start = tsn;
        end = tsn;
      }
      if (start >= 0) {
        blocks.add(new GapAckBlock((int) (start - cumulative), (int) (end - cumulative)));
      }
      return blocks;
    }

    long span() {
      return cumulative - first + 1;
    }

    long received() {
      return everReceived.stream().filter(t -> t >= first && t <= cumulative).count();
    }
  }
}
