package org.rtc4j.sctp.tx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.common.Data;
import org.rtc4j.sctp.packet.GapAckBlock;
import org.rtc4j.sctp.packet.SkippedStream;

/**
 * Every chunk that has a TSN above the peer's cumulative TSN ack, in a ring indexed by unwrapped
 * TSN, with the state of each: in flight, acknowledged by a gap ack block, missing, marked for
 * retransmission, abandoned (RFC 3758). The policy around it (windows, timers, Fast Recovery) is
 * {@link RetransmissionQueue}'s.
 *
 * <p>Every TSN from {@code lastCumulativeTsnAck + 1} to {@code nextTsn - 1} has an entry, so a
 * TSN's entry is found by subtraction. A SACK's work is proportional to what it changes: the TSNs
 * its cumulative ack passes, the TSNs in its gap ack blocks that the previous SACK's blocks did not
 * already cover (and the reverse, for reneging), and the missing TSNs below the highest TSN it
 * newly acknowledges.
 */
final class OutstandingData {
  /** RFC 9260 §7.2.4: the miss indications after which a chunk is fast retransmitted. */
  static final int MISS_INDICATIONS_FOR_FAST_RETRANSMIT = 3;

  /** No TSN, no time. */
  static final long NONE = Long.MIN_VALUE;

  private static final int INITIAL_CAPACITY = 64;

  private final RetransmissionQueueConfig config;
  private final FragmentSource source;

  private Item[] ring = new Item[INITIAL_CAPACITY];
  private int head;
  private int count;
  private long lastCumulativeTsnAck;
  private long advancedPeerAckPoint;
  private long outstandingBytes;
  private long heldBytes;

  /** The TSNs of the chunks marked for retransmission, lowest first. */
  private final TreeSet<Long> toRetransmit = new TreeSet<>();

  /** No chunk marked for retransmission has a message expiring before this (it may be stale). */
  private long earliestExpiryToRetransmit = Long.MAX_VALUE;

  /** Messages whose last fragment has not been produced yet, by message id. */
  private final Map<Long, Message> openMessages = new HashMap<>();

  /** The previous SACK's gap ack blocks, as absolute TSN ranges. */
  private long[] ackedStarts = new long[8];

  private long[] ackedEnds = new long[8];
  private int ackedBlocks;
  private long[] newStarts = new long[8];
  private long[] newEnds = new long[8];
  private int newBlocks;

  /** RFC 9260 §6.3.1 C4: one chunk at a time is timed, for one RTT sample per round trip. */
  private long rttProbeTsn = NONE;

  private long rttProbeSentAt;

  private int sackNumber;
  private long bytesAcked;
  private long highestNewlyAcked;
  private boolean lossDetected;
  private boolean markedForFastRetransmit;
  private boolean reneged;
  private long rttSample;

  OutstandingData(long firstTsn, RetransmissionQueueConfig config, FragmentSource source) {
    this.config = config;
    this.source = source;
    this.lastCumulativeTsnAck = firstTsn - 1;
    this.advancedPeerAckPoint = lastCumulativeTsnAck;
  }

  long lastCumulativeTsnAck() {
    return lastCumulativeTsnAck;
  }

  /** The TSN the next new chunk gets. */
  long nextTsn() {
    return lastCumulativeTsnAck + 1 + count;
  }

  long advancedPeerAckPoint() {
    return advancedPeerAckPoint;
  }

  /** Bytes of chunks in flight: sent and neither acknowledged nor taken for lost. */
  long outstandingBytes() {
    return outstandingBytes;
  }

  /** Bytes of every chunk held. */
  long heldBytes() {
    return heldBytes;
  }

  boolean isEmpty() {
    return count == 0;
  }

  int size() {
    return count;
  }

  boolean hasChunksToRetransmit() {
    return !toRetransmit.isEmpty();
  }

  /** The bytes the last SACK acknowledged for the first time (of chunks that were sent). */
  long bytesAcked() {
    return bytesAcked;
  }

  /** Whether the last SACK took a chunk for lost (third miss indication). */
  boolean lossDetected() {
    return lossDetected;
  }

  /** Whether the last SACK marked a chunk for fast retransmission. */
  boolean markedForFastRetransmit() {
    return markedForFastRetransmit;
  }

  /** Whether the last SACK left out a TSN an earlier one acknowledged (RFC 9260 §6.2.1 D iii). */
  boolean reneged() {
    return reneged;
  }

  /** The RTT the last SACK measured, or -1. */
  long rttSample() {
    return rttSample;
  }

  /**
   * Gives {@code fragment} the next TSN and records it as sent at {@code now}.
   *
   * @return the TSN, or {@link #NONE} if the fragment's message was abandoned (its lifetime ended
   *     before this fragment could go): then the fragment keeps its TSN but is not to be sent
   */
  long insert(OutgoingFragment fragment, long now) {
    long tsn = nextTsn();
    Data data = fragment.data();
    Message message = data.beginning() ? null : openMessages.get(fragment.messageId());
    if (message == null) {
      boolean limited = config.partialReliability();
      message =
          new Message(
              data.streamId(),
              fragment.messageId(),
              limited ? fragment.maxRetransmits() : SendOptions.UNLIMITED,
              limited ? fragment.expiresAt() : Long.MAX_VALUE,
              tsn);
    }
    message.lastTsn = tsn;
    message.lastData = data;
    if (data.end()) {
      message.endAssigned = true;
      openMessages.remove(fragment.messageId());
    } else {
      openMessages.put(fragment.messageId(), message);
    }
    Item item = new Item(data, config.chunkSize(data.length()), message);
    append(item);
    if (message.abandoned || message.expiresAt <= now) {
      // RFC 3758 §3.5 A3: the message is abandoned as a whole, this fragment with it.
      item.abandoned = true;
      abandon(message);
      return NONE;
    }
    item.sent = true;
    item.inFlight = true;
    item.sentAt = now;
    outstandingBytes += item.size;
    if (rttProbeTsn == NONE) {
      rttProbeTsn = tsn;
      rttProbeSentAt = now;
    }
    return tsn;
  }

  /**
   * Processes a SACK whose cumulative TSN ack the caller has checked to lie between {@link
   * #lastCumulativeTsnAck()} and {@code nextTsn() - 1} (RFC 9260 §6.2.1).
   *
   * @param countAllMissing RFC 9260 §7.2.4: in Fast Recovery, a SACK that advances the cumulative
   *     TSN ack counts a miss for every TSN it reports missing, not only those below the highest
   *     TSN it newly acknowledges
   */
  void handleSack(
      long cumulativeTsnAck, List<GapAckBlock> gapAckBlocks, long now, boolean countAllMissing) {
    sackNumber++;
    bytesAcked = 0;
    highestNewlyAcked = NONE;
    lossDetected = false;
    markedForFastRetransmit = false;
    reneged = false;
    rttSample = -1;
    while (lastCumulativeTsnAck < cumulativeTsnAck) {
      removeFirst(now);
    }
    readBlocks(gapAckBlocks);
    ackNewBlocks(now);
    renegeDroppedBlocks(now);
    countMisses(now, countAllMissing);
    long[] swap = ackedStarts;
    ackedStarts = newStarts;
    newStarts = swap;
    swap = ackedEnds;
    ackedEnds = newEnds;
    newEnds = swap;
    ackedBlocks = newBlocks;
    advancePeerAckPoint();
  }

  /**
   * RFC 9260 §6.3.3 E3: the T3-rtx timer expired, so every chunk not acknowledged is marked for
   * retransmission (or abandoned, if its PR-SCTP limit is reached) and none is in flight any more.
   *
   * @return the bytes taken out of flight
   */
  long markAllForRetransmission(long now) {
    long before = outstandingBytes;
    long end = nextTsn();
    for (long tsn = lastCumulativeTsnAck + 1; tsn < end; tsn++) {
      Item item = get(tsn);
      if (item.acked || item.toRetransmit || !item.sent) {
        continue;
      }
      if (item.abandoned) {
        takeOutOfFlight(item);
      } else {
        markForRetransmission(item, tsn, now);
      }
    }
    rttProbeTsn = NONE;
    return before - outstandingBytes;
  }

  /**
   * Moves the earliest chunks marked for retransmission that fit in {@code room} bytes back into
   * flight (RFC 9260 §6.1 C, §6.3.3 E3, §7.2.4), abandoning on the way any whose message's lifetime
   * has ended (RFC 3758 §3.5).
   *
   * @return the bytes they take
   */
  int retransmit(long now, int room, List<TsnFragment> out) {
    int used = 0;
    Long next = toRetransmit.isEmpty() ? null : toRetransmit.first();
    while (next != null && room - used > config.dataChunkHeaderSize()) {
      long tsn = next;
      Item item = get(tsn);
      if (item.message.expiresAt <= now) {
        abandon(item.message);
      } else if (item.size <= room - used) {
        toRetransmit.remove(next);
        item.toRetransmit = false;
        item.inFlight = true;
        item.retransmissions++;
        item.missIndications = 0;
        item.sentAt = now;
        outstandingBytes += item.size;
        used += item.size;
        out.add(new TsnFragment((int) tsn, item.data));
      }
      next = toRetransmit.higher(tsn);
    }
    return used;
  }

  /** RFC 3758 §3.5: abandons the messages of chunks marked for retransmission that expired. */
  void expire(long now) {
    if (now < earliestExpiryToRetransmit) {
      return;
    }
    long earliest = Long.MAX_VALUE;
    Long next = toRetransmit.isEmpty() ? null : toRetransmit.first();
    while (next != null) {
      Message message = get(next).message;
      if (message.expiresAt <= now) {
        abandon(message);
      } else {
        earliest = Math.min(earliest, message.expiresAt);
      }
      next = toRetransmit.higher(next);
    }
    earliestExpiryToRetransmit = earliest;
  }

  /**
   * RFC 3758 §3.5 C1, C2: moves the Advanced.Peer.Ack.Point up to the cumulative TSN ack and then
   * over every abandoned chunk that follows it.
   *
   * @return whether it moved beyond where it was
   */
  boolean advancePeerAckPoint() {
    long before = advancedPeerAckPoint;
    if (advancedPeerAckPoint < lastCumulativeTsnAck) {
      advancedPeerAckPoint = lastCumulativeTsnAck;
    }
    long end = nextTsn();
    while (advancedPeerAckPoint + 1 < end && get(advancedPeerAckPoint + 1).abandoned) {
      advancedPeerAckPoint++;
    }
    return advancedPeerAckPoint > before && advancedPeerAckPoint > lastCumulativeTsnAck;
  }

  /**
   * The stream entries of a FORWARD-TSN up to the Advanced.Peer.Ack.Point, ordered by stream: for
   * DATA (RFC 3758 §3.2) the last SSN skipped on each stream's ordered messages; for I-DATA (RFC
   * 8260 §2.3.1) the last MID skipped on each stream, ordered and unordered apart.
   */
  List<SkippedStream> skippedStreams(boolean interleaved) {
    TreeMap<Integer, Integer> last = new TreeMap<>();
    for (long tsn = lastCumulativeTsnAck + 1; tsn <= advancedPeerAckPoint; tsn++) {
      Data data = get(tsn).data;
      int key = data.streamId() << 1 | (data.unordered() ? 1 : 0);
      // TSN order is each stream's sequence order, so the last one seen is the highest.
      if (interleaved) {
        last.put(key, data.mid());
      } else if (!data.unordered()) {
        last.put(key, data.ssn());
      }
    }
    List<SkippedStream> streams = new ArrayList<>(last.size());
    for (Map.Entry<Integer, Integer> entry : last.entrySet()) {
      int key = entry.getKey();
      streams.add(new SkippedStream(key >>> 1, (key & 1) != 0, entry.getValue()));
    }
    return streams;
  }

  /** The state of one TSN, for tests and diagnostics. */
  ChunkState stateOf(long tsn) {
    if (tsn <= lastCumulativeTsnAck) {
      return ChunkState.ACKED;
    }
    Item item = get(tsn);
    if (item == null) {
      return ChunkState.NOT_SENT;
    }
    if (item.abandoned) {
      return ChunkState.ABANDONED;
    }
    if (item.acked) {
      return ChunkState.ACKED;
    }
    if (item.toRetransmit) {
      return ChunkState.TO_BE_RETRANSMITTED;
    }
    return item.inFlight ? ChunkState.IN_FLIGHT : ChunkState.MISSING;
  }

  /** Miss indications of one TSN, for tests. */
  int missIndications(long tsn) {
    Item item = get(tsn);
    return item == null ? 0 : item.missIndications;
  }

  /** Whether the byte counts and the retransmission set agree with the chunks' states. */
  boolean isConsistent() {
    long outstanding = 0;
    long held = 0;
    TreeSet<Long> marked = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      Item item = ring[(head + i) & (ring.length - 1)];
      long tsn = lastCumulativeTsnAck + 1 + i;
      held += item.size;
      if (item.inFlight) {
        outstanding += item.size;
        if (item.acked || item.toRetransmit || !item.sent) {
          return false;
        }
      }
      if (item.toRetransmit) {
        marked.add(tsn);
        if (item.abandoned || item.acked) {
          return false;
        }
      }
    }
    return outstanding == outstandingBytes
        && held == heldBytes
        && marked.equals(toRetransmit)
        && advancedPeerAckPoint >= lastCumulativeTsnAck
        && advancedPeerAckPoint < nextTsn()
        && openMessages.size() <= count + 1;
  }

  private Item get(long tsn) {
    long index = tsn - lastCumulativeTsnAck - 1;
    if (index < 0 || index >= count) {
      return null;
    }
    return ring[(head + (int) index) & (ring.length - 1)];
  }

  private void append(Item item) {
    if (count == ring.length) {
      Item[] bigger = new Item[ring.length * 2];
      for (int i = 0; i < count; i++) {
        bigger[i] = ring[(head + i) & (ring.length - 1)];
      }
      ring = bigger;
      head = 0;
    }
    ring[(head + count) & (ring.length - 1)] = item;
    count++;
    heldBytes += item.size;
  }

  /** RFC 9260 §6.2.1 D: the cumulative TSN ack passed the first chunk. */
  private void removeFirst(long now) {
    Item item = ring[head];
    ring[head] = null;
    head = (head + 1) & (ring.length - 1);
    count--;
    long tsn = ++lastCumulativeTsnAck;
    ack(item, tsn, now);
    heldBytes -= item.size;
    Message message = item.message;
    if (message.lastTsn == tsn && !message.endAssigned) {
      // All of it that was produced is acknowledged: a later fragment starts a fresh record.
      openMessages.remove(message.messageId, message);
    }
  }

  private void ack(Item item, long tsn, long now) {
    if (item.acked) {
      return;
    }
    item.acked = true;
    if (item.sent) {
      bytesAcked += item.size;
      highestNewlyAcked = Math.max(highestNewlyAcked, tsn);
    }
    takeOutOfFlight(item);
    if (item.toRetransmit) {
      item.toRetransmit = false;
      toRetransmit.remove(tsn);
    }
    if (tsn == rttProbeTsn) {
      // RFC 9260 §6.3.1 C5 (Karn): never a sample from a retransmitted chunk; nor from an
      // abandoned one, which the cumulative ack may pass only because a FORWARD-TSN skipped it.
      if (item.retransmissions == 0 && !item.abandoned) {
        rttSample = now - rttProbeSentAt;
      }
      rttProbeTsn = NONE;
    }
  }

  /**
   * The SACK's gap ack blocks as absolute TSN ranges above its cumulative TSN ack, in order and
   * apart, and no higher than the highest TSN sent: a block out of order or overlapping the one
   * before is cut to what is new, and what names TSNs never sent is dropped (RFC 9260 §3.3.4).
   */
  private void readBlocks(List<GapAckBlock> gapAckBlocks) {
    newBlocks = 0;
    long previousEnd = lastCumulativeTsnAck;
    long highest = nextTsn() - 1;
    for (GapAckBlock block : gapAckBlocks) {
      long start = Math.max(lastCumulativeTsnAck + block.start(), previousEnd + 1);
      long end = Math.min(lastCumulativeTsnAck + block.end(), highest);
      if (start > end) {
        continue;
      }
      if (newBlocks == newStarts.length) {
        newStarts = Arrays.copyOf(newStarts, newBlocks * 2);
        newEnds = Arrays.copyOf(newEnds, newBlocks * 2);
      }
      newStarts[newBlocks] = start;
      newEnds[newBlocks] = end;
      newBlocks++;
      previousEnd = end;
    }
  }

  /** Acknowledges the TSNs in this SACK's blocks that the previous SACK's blocks did not cover. */
  private void ackNewBlocks(long now) {
    int j = 0;
    for (int i = 0; i < newBlocks; i++) {
      long tsn = newStarts[i];
      long end = newEnds[i];
      while (tsn <= end) {
        while (j < ackedBlocks && ackedEnds[j] < tsn) {
          j++;
        }
        if (j < ackedBlocks && ackedStarts[j] <= tsn) {
          tsn = ackedEnds[j] + 1;
          continue;
        }
        long stop = j < ackedBlocks ? Math.min(end, ackedStarts[j] - 1) : end;
        for (; tsn <= stop; tsn++) {
          ack(get(tsn), tsn, now);
        }
      }
    }
  }

  /**
   * RFC 9260 §6.2.1 D iii: TSNs the previous SACK's blocks acknowledged that this one neither
   * acknowledges nor passes with its cumulative ack were reneged on: each is missing again and gets
   * one miss indication.
   */
  private void renegeDroppedBlocks(long now) {
    int j = 0;
    for (int i = 0; i < ackedBlocks; i++) {
      long tsn = Math.max(ackedStarts[i], lastCumulativeTsnAck + 1);
      long end = ackedEnds[i];
      while (tsn <= end) {
        while (j < newBlocks && newEnds[j] < tsn) {
          j++;
        }
        if (j < newBlocks && newStarts[j] <= tsn) {
          tsn = newEnds[j] + 1;
          continue;
        }
        long stop = j < newBlocks ? Math.min(end, newStarts[j] - 1) : end;
        for (; tsn <= stop; tsn++) {
          Item item = get(tsn);
          if (item != null && item.acked) {
            item.acked = false;
            item.renegedInSack = sackNumber;
            reneged = true;
            miss(item, tsn, now);
          }
        }
      }
    }
  }

  /**
   * RFC 9260 §7.2.4: one miss indication for each TSN the SACK reports missing below the highest
   * TSN it newly acknowledges (or below its last block, when {@code countAllMissing}).
   */
  private void countMisses(long now, boolean countAllMissing) {
    long limit = highestNewlyAcked;
    if (countAllMissing) {
      limit = Math.max(limit, newBlocks > 0 ? newEnds[newBlocks - 1] : lastCumulativeTsnAck);
    }
    if (limit == NONE) {
      return;
    }
    long tsn = lastCumulativeTsnAck + 1;
    for (int i = 0; i <= newBlocks && tsn <= limit; i++) {
      long gapEnd = Math.min(limit, i < newBlocks ? newStarts[i] - 1 : limit);
      for (; tsn <= gapEnd; tsn++) {
        Item item = get(tsn);
        if (item.renegedInSack != sackNumber) {
          miss(item, tsn, now);
        }
      }
      if (i < newBlocks) {
        tsn = newEnds[i] + 1;
      }
    }
  }

  private void miss(Item item, long tsn, long now) {
    if (item.toRetransmit || !item.sent) {
      return;
    }
    item.missIndications++;
    if (item.missIndications < MISS_INDICATIONS_FOR_FAST_RETRANSMIT) {
      return;
    }
    if (item.abandoned) {
      if (item.inFlight) {
        takeOutOfFlight(item);
        lossDetected = true;
      }
      return;
    }
    if (item.fastRetransmitted) {
      // RFC 9260 §7.2.4 5: a chunk is fast retransmitted once; after that only T3-rtx repairs it.
      return;
    }
    item.fastRetransmitted = true;
    lossDetected = true;
    if (markForRetransmission(item, tsn, now)) {
      markedForFastRetransmit = true;
    }
  }

  /**
   * Takes a chunk for lost: out of flight, and marked for retransmission, unless its message has
   * reached its PR-SCTP limit (RFC 3758 §3.5 A2, A3), in which case the message is abandoned.
   *
   * @return whether it was marked (rather than abandoned)
   */
  private boolean markForRetransmission(Item item, long tsn, long now) {
    takeOutOfFlight(item);
    if (tsn == rttProbeTsn) {
      rttProbeTsn = NONE; // RFC 9260 §6.3.1 C5 (Karn)
    }
    Message message = item.message;
    boolean retransmitsUsedUp =
        message.maxRetransmits != SendOptions.UNLIMITED
            && item.retransmissions >= message.maxRetransmits;
    if (retransmitsUsedUp || message.expiresAt <= now) {
      abandon(message);
      return false;
    }
    item.toRetransmit = true;
    toRetransmit.add(tsn);
    earliestExpiryToRetransmit = Math.min(earliestExpiryToRetransmit, message.expiresAt);
    return true;
  }

  private void takeOutOfFlight(Item item) {
    if (item.inFlight) {
      item.inFlight = false;
      outstandingBytes -= item.size;
    }
  }

  /**
   * RFC 3758 §3.5 A3: abandons every fragment of a message. What the send queue still holds of it
   * is discarded; if that was anything, the receiver never gets the message's end, so a placeholder
   * end fragment takes the next TSN, abandoned at once and never sent, for the FORWARD-TSN to cover
   * (as dcSCTP does), so that the receiver does not take the next message's fragments for this
   * one's.
   */
  private void abandon(Message message) {
    if (message.abandoned) {
      return;
    }
    message.abandoned = true;
    if (!message.endAssigned) {
      message.endAssigned = true;
      openMessages.remove(message.messageId, message);
      if (source.discard(message.streamId, message.messageId)) {
        Data last = message.lastData;
        Data end =
            new Data(
                last.streamId(),
                last.ssn(),
                last.mid(),
                last.fsn(),
                last.ppid(),
                new byte[0],
                false,
                true,
                last.unordered());
        Item placeholder = new Item(end, config.chunkSize(0), message);
        placeholder.abandoned = true;
        message.lastTsn = nextTsn();
        append(placeholder);
      }
    }
    for (long tsn = Math.max(message.firstTsn, lastCumulativeTsnAck + 1);
        tsn <= message.lastTsn;
        tsn++) {
      Item item = get(tsn);
      if (item != null && item.message == message) {
        item.abandoned = true;
        if (item.toRetransmit) {
          item.toRetransmit = false;
          toRetransmit.remove(tsn);
        }
      }
    }
  }

  /** What can be said of one TSN. */
  enum ChunkState {
    /** Not assigned yet. */
    NOT_SENT,
    /** Sent and not acknowledged or taken for lost. */
    IN_FLIGHT,
    /** Reported missing, not (yet) taken for lost. */
    MISSING,
    /** Taken for lost, to be sent again. */
    TO_BE_RETRANSMITTED,
    /** Acknowledged, cumulatively or by a gap ack block. */
    ACKED,
    /** Given up (PR-SCTP), to be skipped with FORWARD-TSN. */
    ABANDONED
  }

  /** One user message, as far as its fragments here are concerned. */
  private static final class Message {
    final int streamId;
    final long messageId;
    final long maxRetransmits;
    final long expiresAt;
    final long firstTsn;
    long lastTsn;
    Data lastData;
    boolean endAssigned;
    boolean abandoned;

    Message(int streamId, long messageId, long maxRetransmits, long expiresAt, long firstTsn) {
      this.streamId = streamId;
      this.messageId = messageId;
      this.maxRetransmits = maxRetransmits;
      this.expiresAt = expiresAt;
      this.firstTsn = firstTsn;
    }
  }

  /** One chunk and its state. */
  private static final class Item {
    final Data data;
    final int size;
    final Message message;
    long sentAt;
    int retransmissions;
    int missIndications;
    int renegedInSack;
    boolean sent;
    boolean inFlight;
    boolean acked;
    boolean toRetransmit;
    boolean abandoned;
    boolean fastRetransmitted;

    Item(Data data, int size, Message message) {
      this.data = data;
      this.size = size;
      this.message = message;
    }
  }
}
