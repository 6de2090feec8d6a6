package org.rtc4j.sctp.rx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.common.Unwrapper;
import org.rtc4j.sctp.packet.GapAckBlock;

/**
 * Which TSNs have arrived from the peer, and when to acknowledge them: the data receiver's half of
 * RFC 9260 §6.2 and §6.7.
 *
 * <p>It keeps the cumulative TSN ack point (every TSN up to it has arrived), the TSNs received
 * above it as disjoint ranges (the SACK's Gap Ack Blocks, RFC 9260 §3.3.4), and the duplicate TSNs
 * received since the last SACK. It never reneges: a TSN once reported stays received.
 *
 * <h2>Bounds</h2>
 *
 * A TSN is only taken when it lies within {@code maxOutOfOrderTsns} of the cumulative ack point
 * ({@link #isTsnValid}); so the ranges held above it never span more than that, and Gap Ack Block
 * offsets always fit their 16 bits. At most {@link #MAX_DUPLICATE_TSNS} duplicates are remembered.
 *
 * <h2>When to send a SACK</h2>
 *
 * RFC 9260 §6.2 delays acknowledgements: a SACK is due after every second packet that carried DATA
 * (not every second chunk), and at the latest the delayed-ack timeout (default 200 ms) after the
 * first unacknowledged one. It is due at once when the association's first DATA arrives (RFC 9260
 * §5.1), when a TSN arrives while a gap exists, or fills one (§6.7), when a duplicate arrives
 * (§6.2), and when the sender set the I bit (§3.3.1, formerly RFC 7053). A FORWARD-TSN counts as
 * DATA for these rules (RFC 3758 §3.6). The caller:
 *
 * <ol>
 *   <li>for each DATA or I-DATA chunk of a packet calls {@link #isTsnValid}, then {@link
 *       #isDuplicate}, then (unless the reassembly queue refused the chunk) {@link #observe};
 *   <li>for each FORWARD-TSN calls {@link #handleForwardTsn};
 *   <li>at the end of a packet that had any of these calls {@link #observePacketEnd}, then sends a
 *       SACK if {@link #shouldSendAck()};
 *   <li>arms a timer for {@link #ackDeadline()} and on expiry calls {@link
 *       #handleDelayedAckTimeout} and again checks {@link #shouldSendAck()};
 *   <li>builds the SACK from {@link #cumulativeTsnAck()}, {@link #gapAckBlocks} and {@link
 *       #drainDuplicateTsns}, then calls {@link #sackSent()} (also when a SACK goes out for another
 *       reason, such as bundled with DATA).
 * </ol>
 *
 * <p>Not thread-safe; time is the caller's, in nanoseconds.
 */
public final class DataTracker {
  /** RFC 9260 §6.2: "within 200 ms of the arrival of any unacknowledged DATA chunk". */
  public static final long DEFAULT_DELAYED_ACK_TIMEOUT_NANOS = Time.millis(200);

  /** RFC 9260 §6.2: the delay (SACK.Delay) MUST NOT be configured above 500 ms. */
  public static final long MAX_DELAYED_ACK_TIMEOUT_NANOS = Time.millis(500);

  /** The most TSNs {@code maxOutOfOrderTsns} may allow: Gap Ack Block offsets are 16 bits. */
  public static final int MAX_OUT_OF_ORDER_TSNS = 0xFFFF;

  /** How many duplicate TSNs are remembered for the next SACK; further ones are not reported. */
  public static final int MAX_DUPLICATE_TSNS = 32;

  /** When the next SACK is due. */
  private enum AckState {
    /** Everything received has been acknowledged. */
    IDLE,
    /** The packet being processed brought the first unacknowledged DATA. */
    BECOMING_DELAYED,
    /** One packet with DATA is unacknowledged; the delayed-ack timer runs. */
    DELAYED,
    /** A SACK is due now. */
    IMMEDIATE
  }

  private final int maxOutOfOrderTsns;
  private final long delayedAckTimeoutNanos;

  /** Unwraps TSNs; its reference is kept at the cumulative ack point. */
  private final Unwrapper tsns = Unwrapper.of32Bits();

  private long cumulativeAck;

  // The TSNs received above the cumulative ack point: blockCount sorted, disjoint, non-adjacent
  // ranges [blockStarts[i], blockEnds[i]], the first starting at cumulativeAck + 2 or later.
  private long[] blockStarts = new long[8];
  private long[] blockEnds = new long[8];
  private int blockCount;

  private final int[] duplicates = new int[MAX_DUPLICATE_TSNS];
  private int duplicateCount;

  private AckState ackState = AckState.IDLE;
  private long ackDeadline = Time.NEVER;
  private boolean seenData;

  /**
   * A tracker with the default delayed-ack timeout.
   *
   * @param peerInitialTsn the Initial TSN of the peer's INIT or INIT ACK (RFC 9260 §5.1): the
   *     cumulative ack point starts just below it
   * @param maxOutOfOrderTsns how far (in TSNs) above, or below, the cumulative ack point a TSN may
   *     be and still be taken, 1 to {@link #MAX_OUT_OF_ORDER_TSNS}
   */
  public DataTracker(int peerInitialTsn, int maxOutOfOrderTsns) {
    this(peerInitialTsn, maxOutOfOrderTsns, DEFAULT_DELAYED_ACK_TIMEOUT_NANOS);
  }

  /**
   * A tracker.
   *
   * @param peerInitialTsn the Initial TSN of the peer's INIT or INIT ACK (RFC 9260 §5.1)
   * @param maxOutOfOrderTsns how far (in TSNs) from the cumulative ack point a TSN may be and still
   *     be taken, 1 to {@link #MAX_OUT_OF_ORDER_TSNS}
   * @param delayedAckTimeoutNanos RFC 9260 §6.2's SACK.Delay, 0 to {@link
   *     #MAX_DELAYED_ACK_TIMEOUT_NANOS}
   * @throws IllegalArgumentException if a bound is out of range
   */
  public DataTracker(int peerInitialTsn, int maxOutOfOrderTsns, long delayedAckTimeoutNanos) {
    if (maxOutOfOrderTsns < 1 || maxOutOfOrderTsns > MAX_OUT_OF_ORDER_TSNS) {
      throw new IllegalArgumentException("maxOutOfOrderTsns " + maxOutOfOrderTsns);
    }
    if (delayedAckTimeoutNanos < 0 || delayedAckTimeoutNanos > MAX_DELAYED_ACK_TIMEOUT_NANOS) {
      throw new IllegalArgumentException("delayed ack timeout " + delayedAckTimeoutNanos + " ns");
    }
    this.maxOutOfOrderTsns = maxOutOfOrderTsns;
    this.delayedAckTimeoutNanos = delayedAckTimeoutNanos;
    this.cumulativeAck = tsns.unwrap(peerInitialTsn - 1);
  }

  /**
   * Whether a TSN lies close enough to the cumulative ack point to be taken: no more than {@code
   * maxOutOfOrderTsns} above it (further ahead is beyond what we hold; the peer sends it again
   * later) or below it (older than any plausible retransmission). Old TSNs within reach are valid:
   * they are duplicates, which the next SACK reports.
   */
  public boolean isTsnValid(int tsn) {
    long distance = tsns.peek(tsn) - cumulativeAck;
    return distance >= -maxOutOfOrderTsns && distance <= maxOutOfOrderTsns;
  }

  /** Whether the TSN has been received before (or skipped by a FORWARD-TSN). */
  public boolean isDuplicate(int tsn) {
    long t = tsns.peek(tsn);
    return t <= cumulativeAck || blockIndexContaining(t) >= 0;
  }

  /**
   * Records the arrival of a DATA or I-DATA chunk's TSN, which the caller has checked with {@link
   * #isTsnValid} (an invalid one is ignored: nothing changes and the result is {@code false}).
   *
   * @param immediateAck the chunk's I bit (RFC 9260 §3.3.1): the sender asks for a SACK without
   *     delay
   * @return {@code true} if the TSN is new (its chunk is to be delivered), {@code false} if it is a
   *     duplicate (remembered for the next SACK's list of duplicates)
   */
  public boolean observe(int tsn, boolean immediateAck) {
    if (!isTsnValid(tsn)) {
      return false;
    }
    long t = tsns.peek(tsn);
    boolean gapBefore = blockCount > 0;
    boolean isNew;
    if (t <= cumulativeAck) {
      isNew = false;
    } else if (t == cumulativeAck + 1) {
      moveCumulativeAck(t);
      isNew = true;
    } else {
      isNew = insert(t);
    }
    if (!isNew) {
      // RFC 9260 §6.2: a packet with duplicates and no new DATA MUST be acknowledged at once.
      rememberDuplicate(tsn);
      ackState = AckState.IMMEDIATE;
    } else if (gapBefore || blockCount > 0) {
      // RFC 9260 §6.7: a SACK at once for every packet while a gap exists, and when one closes.
      ackState = AckState.IMMEDIATE;
    }
    if (immediateAck) {
      ackState = AckState.IMMEDIATE; // RFC 9260 §3.3.1, the I bit
    }
    if (!seenData) {
      seenData = true;
      ackState = AckState.IMMEDIATE; // RFC 9260 §5.1: the first DATA chunk is acknowledged at once
    }
    dataArrived();
    return isNew;
  }

  /**
   * Called once at the end of each received packet that carried DATA, I-DATA, FORWARD-TSN or
   * I-FORWARD-TSN: if the packet was the first unacknowledged one, the SACK is delayed (the
   * delayed-ack timer starts at {@code now}).
   *
   * @param now the time, in nanoseconds
   */
  public void observePacketEnd(long now) {
    if (ackState == AckState.BECOMING_DELAYED) {
      ackState = AckState.DELAYED;
      ackDeadline = Time.after(now, delayedAckTimeoutNanos);
    }
  }

  /** Whether a SACK is due now. */
  public boolean shouldSendAck() {
    return ackState == AckState.IMMEDIATE;
  }

  /**
   * When the delayed SACK becomes due, in nanoseconds, or {@link Time#NEVER} if none waits on the
   * timer (nothing unacknowledged, or a SACK already due now).
   */
  public long ackDeadline() {
    return ackState == AckState.DELAYED ? ackDeadline : Time.NEVER;
  }

  /**
   * The delayed-ack timer: once {@link #ackDeadline()} has come, the SACK is due now.
   *
   * @param now the time, in nanoseconds
   */
  public void handleDelayedAckTimeout(long now) {
    if (ackState == AckState.DELAYED && Time.isDue(ackDeadline, now)) {
      ackState = AckState.IMMEDIATE;
    }
  }

  /**
   * Makes a SACK due now: for example to tell the peer that the receive window opened, or that a
   * chunk was refused for want of room.
   */
  public void forceImmediateAck() {
    ackState = AckState.IMMEDIATE;
  }

  /** A SACK was sent: nothing is unacknowledged any more and the delayed-ack timer stops. */
  public void sackSent() {
    ackState = AckState.IDLE;
    ackDeadline = Time.NEVER;
  }

  /** The cumulative TSN ack (RFC 9260 §3.3.4): every TSN up to it has arrived. Raw 32 bits. */
  public int cumulativeTsnAck() {
    return tsns.wrap(cumulativeAck);
  }

  /**
   * The highest TSN received so far (the cumulative ack point when nothing is held above it). RFC
   * 9260 §6.2: while the receive window is 0, new chunks above it are dropped. Raw 32 bits.
   */
  public int highestReceivedTsn() {
    return tsns.wrap(blockCount == 0 ? cumulativeAck : blockEnds[blockCount - 1]);
  }

  /** Whether TSNs above the cumulative ack point have arrived while some below them are missing. */
  public boolean hasGaps() {
    return blockCount > 0;
  }

  /**
   * The Gap Ack Blocks for a SACK (RFC 9260 §3.3.4), lowest first, as offsets from {@link
   * #cumulativeTsnAck()}.
   *
   * @param max the most blocks to return (what fits the packet); the lowest are kept, as they are
   *     the ones the sender needs first
   */
  public List<GapAckBlock> gapAckBlocks(int max) {
    int n = Math.min(Math.max(max, 0), blockCount);
    List<GapAckBlock> blocks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      blocks.add(
          new GapAckBlock(
              (int) (blockStarts[i] - cumulativeAck), (int) (blockEnds[i] - cumulativeAck)));
    }
    return blocks;
  }

  /**
   * The duplicate TSNs received since they were last drained, each once, in arrival order (RFC 9260
   * §3.3.4, §6.2); those returned are forgotten.
   *
   * @param max the most to return (what fits the packet); the rest wait for the next SACK
   */
  public List<Integer> drainDuplicateTsns(int max) {
    int n = Math.min(Math.max(max, 0), duplicateCount);
    List<Integer> drained = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      drained.add(duplicates[i]);
    }
    System.arraycopy(duplicates, n, duplicates, 0, duplicateCount - n);
    duplicateCount -= n;
    return drained;
  }

  /**
   * A FORWARD-TSN or I-FORWARD-TSN (RFC 3758 §3.6, RFC 8260 §2.3): the sender gave up on every TSN
   * up to {@code newCumulativeTsn}, so the cumulative ack point moves there, and further over TSNs
   * already held above it; the ranges below it are forgotten. An out-of-date one (at or behind the
   * cumulative ack point) moves nothing but makes a SACK due now, as its SACK may have been lost.
   * One beyond the bound of {@link #isTsnValid} is ignored.
   *
   * <p>Only when this returns {@code true} does the caller pass the chunk on to {@link
   * ReassemblyQueue#handleForwardTsn}.
   *
   * @return whether the cumulative ack point moved
   */
  public boolean handleForwardTsn(int newCumulativeTsn) {
    if (!isTsnValid(newCumulativeTsn)) {
      return false;
    }
    long t = tsns.peek(newCumulativeTsn);
    if (t <= cumulativeAck) {
      ackState = AckState.IMMEDIATE; // RFC 3758 §3.6: SHOULD send a SACK
      return false;
    }
    boolean gapBefore = blockCount > 0;
    int dropped = 0;
    while (dropped < blockCount && blockEnds[dropped] <= t) {
      dropped++;
    }
    removeBlocks(0, dropped);
    moveCumulativeAck(t);
    // RFC 3758 §3.6: for SACKs, a FORWARD-TSN counts as a DATA chunk (RFC 9260 §6.7's gap rule).
    if (gapBefore || blockCount > 0) {
      ackState = AckState.IMMEDIATE;
    }
    dataArrived();
    return true;
  }

  /** Whether the TSN is the one just above the cumulative ack point, so that it would move it. */
  public boolean willIncreaseCumAckTsn(int tsn) {
    return tsns.peek(tsn) == cumulativeAck + 1;
  }

  /** Whether a TSN lies above the cumulative ack point (for RFC 6525 §5.2.2 deferred resets). */
  public boolean isLaterThanCumulativeAck(int tsn) {
    return tsns.peek(tsn) > cumulativeAck;
  }

  private void dataArrived() {
    // RFC 9260 §6.2: a SACK for at least every second packet with DATA.
    if (ackState == AckState.IDLE) {
      ackState = AckState.BECOMING_DELAYED;
    } else if (ackState == AckState.DELAYED) {
      ackState = AckState.IMMEDIATE;
    }
  }

  /** Moves the cumulative ack point to {@code t}, and over the first range if it now touches it. */
  private void moveCumulativeAck(long t) {
    cumulativeAck = t;
    if (blockCount > 0 && blockStarts[0] <= cumulativeAck + 1) {
      cumulativeAck = Math.max(cumulativeAck, blockEnds[0]);
      removeBlocks(0, 1);
    }
    tsns.unwrap(tsns.wrap(cumulativeAck));
  }

  /** Adds {@code t}, above the cumulative ack point + 1, to the ranges; false if already there. */
  private boolean insert(long t) {
    // The first range that ends at t - 1 or later: the one t extends, lies in, or precedes.
    int lo = 0;
    int hi = blockCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (blockEnds[mid] < t - 1) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int i = lo;
    if (i < blockCount) {
      if (blockStarts[i] <= t && t <= blockEnds[i]) {
        return false;
      }
      if (blockEnds[i] == t - 1) {
        blockEnds[i] = t;
        if (i + 1 < blockCount && blockStarts[i + 1] == t + 1) {
          blockEnds[i] = blockEnds[i + 1];
          removeBlocks(i + 1, 1);
        }
        return true;
      }
      if (blockStarts[i] == t + 1) {
        blockStarts[i] = t;
        return true;
      }
    }
    if (blockCount == blockStarts.length) {
      blockStarts = Arrays.copyOf(blockStarts, blockCount * 2);
      blockEnds = Arrays.copyOf(blockEnds, blockCount * 2);
    }
    System.arraycopy(blockStarts, i, blockStarts, i + 1, blockCount - i);
    System.arraycopy(blockEnds, i, blockEnds, i + 1, blockCount - i);
    blockStarts[i] = t;
    blockEnds[i] = t;
    blockCount++;
    return true;
  }

  private void removeBlocks(int from, int count) {
    System.arraycopy(blockStarts, from + count, blockStarts, from, blockCount - from - count);
    System.arraycopy(blockEnds, from + count, blockEnds, from, blockCount - from - count);
    blockCount -= count;
  }

  /** The index of the range holding {@code t}, or -1. */
  private int blockIndexContaining(long t) {
    int lo = 0;
    int hi = blockCount - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (blockEnds[mid] < t) {
        lo = mid + 1;
      } else if (blockStarts[mid] > t) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  private void rememberDuplicate(int tsn) {
    for (int i = 0; i < duplicateCount; i++) {
      if (duplicates[i] == tsn) {
        return;
      }
    }
    if (duplicateCount < MAX_DUPLICATE_TSNS) {
      duplicates[duplicateCount++] = tsn;
    }
  }

  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder("DataTracker[cumAck=")
            .append(Integer.toUnsignedString(cumulativeTsnAck()))
            .append(", ack=")
            .append(ackState);
    for (int i = 0; i < blockCount; i++) {
      s.append(i == 0 ? ", held=" : " ")
          .append(blockStarts[i] - cumulativeAck)
          .append("..")
          .append(blockEnds[i] - cumulativeAck);
    }
    return s.append(", duplicates=").append(duplicateCount).append(']').toString();
  }
}
