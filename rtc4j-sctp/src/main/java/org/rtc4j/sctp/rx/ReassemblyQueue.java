package org.rtc4j.sctp.rx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.rtc4j.sctp.common.Data;
import org.rtc4j.sctp.common.Unwrapper;
import org.rtc4j.sctp.packet.SkippedStream;

/**
 * Reassembles received fragments into whole messages and releases them in the order the streams
 * require: an ordered message once it is whole and every earlier one of its stream was delivered or
 * skipped, an unordered one as soon as it is whole (RFC 9260 §6.5, §6.6, §6.9).
 *
 * <p>It works in one of two modes, fixed at construction: DATA (RFC 9260 §3.3.1), where ordered
 * messages follow their stream's SSN and a message's fragments take consecutive TSNs, so that
 * fragments of different messages never interleave; or I-DATA (RFC 8260), where messages follow
 * their MID (unordered ones a sequence of their own per stream) and fragments their FSN, and
 * fragments of different messages may interleave.
 *
 * <p>Messages are never delivered in part, and a partial message is dropped as soon as a
 * FORWARD-TSN shows it can no longer complete.
 *
 * <h2>Bounds and the receive window</h2>
 *
 * It holds at most {@code maxBytes}, counting each fragment held (and each whole message not yet
 * {@linkplain #poll() polled}) as its payload plus {@link #FRAGMENT_OVERHEAD}, which stands for the
 * memory the bookkeeping takes, so that a peer sending tiny fragments cannot make it hold more
 * objects than its bytes allow. {@link #add} refuses (returns {@code false}) a fragment that does
 * not fit; the caller must then not acknowledge its TSN, so that the peer sends it again later.
 *
 * <p>The caller advertises {@link #receiveWindow()} as the SACK's a_rwnd (and in INIT or INIT ACK).
 * It stops short of {@code maxBytes} at a high watermark ({@code maxBytes - maxBytes / 8}): a peer
 * that respects the window leaves the rest free, and the caller keeps it for chunks that fill the
 * gap at the cumulative ack point, so that messages waiting on a lost chunk can always complete and
 * free the buffer (as dcSCTP does). Per DATA or I-DATA chunk:
 *
 * <pre>{@code
 * if (!tracker.isTsnValid(tsn)) {
 *   // drop: too far from the cumulative ack point
 * } else if (tracker.isDuplicate(tsn)) {
 *   tracker.observe(tsn, immediateAck);              // reported in the next SACK
 * } else if ((queue.isAboveWatermark() && !tracker.willIncreaseCumAckTsn(tsn))
 *     || !queue.add(tsn, data)) {
 *   tracker.forceImmediateAck();                      // not acknowledged: sent again later
 * } else {
 *   tracker.observe(tsn, immediateAck);
 * }
 * }</pre>
 *
 * then, at the end of the packet, {@link #applyDeferredReset} with the tracker's cumulative TSN ack
 * and {@link #poll()} until it returns {@code null}. A message must fit below the watermark to be
 * reassembled, so {@code maxBytes} should be well over the largest message the association accepts.
 *
 * <p>The caller filters duplicate TSNs with the {@link DataTracker} before {@link #add}: this queue
 * does not remember which TSNs it already delivered. Not thread-safe.
 */
public final class ReassemblyQueue {
  /** What each held fragment or message costs in the byte count, over its payload. */
  public static final int FRAGMENT_OVERHEAD = 64;

  /** The largest {@code maxBytes}: a whole message must fit a Java array. */
  public static final long MAX_BYTES_LIMIT = 1L << 30;

  private static final int STREAM_IDS = 1 << 16;

  private final boolean interleaved;
  private final long maxBytes;
  private final long watermark;
  private long queuedBytes;

  /** Unwraps TSNs near the last one added. */
  private final Unwrapper tsns = Unwrapper.of32Bits();

  private final ArrayDeque<ReceivedMessage> ready = new ArrayDeque<>();

  /** Inbound streams by stream id, created on first use; grown up to 65536 entries. */
  private InboundStream[] streams = new InboundStream[16];

  /**
   * DATA's unordered fragments, as runs of consecutive TSNs that may still belong to one message,
   * keyed by the run's first TSN. A run starts with a B bit or has a gap below it, and ends with an
   * E bit or has a gap above it.
   */
  private final TreeMap<Long, PartialMessage> unorderedRuns = new TreeMap<>();

  // RFC 6525 §5.2.2 deferred reset processing.
  private boolean resetDeferred;
  private long deferredResetTsn;
  private boolean deferredResetAll;
  private final BitSet deferredResetStreams = new BitSet();
  private final ArrayList<DeferredChunk> deferredChunks = new ArrayList<>();

  /** A chunk held back until a deferred stream reset is performed. */
  private record DeferredChunk(int tsn, Data data) {}

  /**
   * An empty queue.
   *
   * @param interleaved I-DATA (RFC 8260) rather than DATA, as negotiated for the association
   * @param maxBytes the most it holds, 1 to {@link #MAX_BYTES_LIMIT}, counted as described above
   * @throws IllegalArgumentException if {@code maxBytes} is out of range
   */
  public ReassemblyQueue(boolean interleaved, long maxBytes) {
    if (maxBytes < 1 || maxBytes > MAX_BYTES_LIMIT) {
      throw new IllegalArgumentException("maxBytes " + maxBytes);
    }
    this.interleaved = interleaved;
    this.maxBytes = maxBytes;
    this.watermark = maxBytes - maxBytes / 8;
  }

  /** Whether it reassembles I-DATA (RFC 8260) rather than DATA. */
  public boolean interleaved() {
    return interleaved;
  }

  /**
   * Takes in one received fragment whose TSN is new (see {@link DataTracker#isDuplicate}).
   * Fragments of messages already delivered or skipped are dropped, as are malformed ones (an
   * I-DATA middle or last fragment with FSN 0); both count as taken.
   *
   * @param tsn the chunk's TSN, raw 32 bits
   * @param data the fragment
   * @return {@code true} if taken (the TSN may be acknowledged), {@code false} if refused for want
   *     of room (it must not be)
   */
  public boolean add(int tsn, Data data) {
    Objects.requireNonNull(data, "data");
    long charge = charge(data.length());
    if (queuedBytes + charge > maxBytes) {
      return false;
    }
    long t = tsns.unwrap(tsn);
    if (resetDeferred && t > deferredResetTsn && isDeferredResetStream(data.streamId())) {
      // RFC 6525 §5.2.2: chunks after the Sender's Last Assigned TSN wait for the reset.
      deferredChunks.add(new DeferredChunk(tsn, data));
      queuedBytes += charge;
      return true;
    }
    insert(t, data);
    return true;
  }

  /** The next message ready for the upper layer, or {@code null}. */
  public ReceivedMessage poll() {
    ReceivedMessage message = ready.poll();
    if (message != null) {
      queuedBytes -= charge(message.payload().length);
    }
    return message;
  }

  /** Whether {@link #poll()} has a message. */
  public boolean hasMessages() {
    return !ready.isEmpty();
  }

  /**
   * What it holds: fragments, messages waiting for their turn or for {@link #poll()}, and chunks
   * held for a deferred stream reset, each counted as its payload plus {@link #FRAGMENT_OVERHEAD}.
   */
  public long queuedBytes() {
    return queuedBytes;
  }

  /** The receive window to advertise (a_rwnd, RFC 9260 §6.2): the room left below the watermark. */
  public long receiveWindow() {
    return Math.max(0, watermark - queuedBytes);
  }

  /**
   * Whether it holds as much as the high watermark or more: then only a chunk that moves the
   * cumulative ack point should be added (see the class description).
   */
  public boolean isAboveWatermark() {
    return queuedBytes >= watermark;
  }

  /**
   * A FORWARD-TSN or I-FORWARD-TSN (RFC 3758 §3.6, RFC 8260 §2.3) that moved the tracker's
   * cumulative ack point ({@link DataTracker#handleForwardTsn} returned {@code true}): drops the
   * partial messages that can no longer complete, moves each listed stream's next expected SSN or
   * MID past the skipped one, and releases the ordered messages that thereby became deliverable:
   * whole ones up to the skipped SSN or MID that were stranded behind an abandoned one first (RFC
   * 3758 §3.2), then those after it.
   *
   * <p>For DATA, a partial unordered message is dropped when it lies at or below the new cumulative
   * TSN, or is missing the TSN just at it: the sender moves its ack point only over abandoned
   * chunks (RFC 3758 §3.5 C2), and abandons whole messages, so it will not send the rest of it. For
   * I-DATA, whose fragments of different messages interleave, only the listed messages are dropped,
   * ordered and unordered alike (RFC 8260 §2.3.1: all up to the listed MID).
   *
   * @param newCumulativeTsn the chunk's New Cumulative TSN, raw 32 bits
   * @param skippedStreams the chunk's stream entries
   */
  public void handleForwardTsn(int newCumulativeTsn, List<SkippedStream> skippedStreams) {
    long cumulative = tsns.unwrap(newCumulativeTsn);
    if (!interleaved) {
      while (!unorderedRuns.isEmpty() && unorderedRuns.firstKey() <= cumulative) {
        release(unorderedRuns.pollFirstEntry().getValue());
      }
      PartialMessage above = unorderedRuns.get(cumulative + 1);
      if (above != null && !above.first().beginning()) {
        unorderedRuns.remove(cumulative + 1);
        release(above);
      }
    }
    for (SkippedStream skipped : skippedStreams) {
      if (skipped.unordered()) {
        InboundStream stream = existingStream(skipped.streamId());
        if (interleaved && stream != null) {
          releaseAll(stream.unordered.headMap(stream.unwrapUnordered(skipped.sequence()), true));
        }
        continue;
      }
      InboundStream stream = stream(skipped.streamId());
      long sequence = stream.unwrapOrdered(skipped.sequence());
      if (sequence < stream.next()) {
        continue; // already past it
      }
      // RFC 3758 §3.2: whole messages stranded behind the skipped ones are delivered, in order.
      NavigableMap<Long, PartialMessage> skippedOver = stream.ordered.headMap(sequence, true);
      for (PartialMessage message : skippedOver.values()) {
        release(message);
        if (message.isComplete()) {
          releaseNow(message);
        }
      }
      skippedOver.clear();
      stream.advanceTo(sequence + 1);
      drainOrdered(stream);
    }
  }

  /**
   * Resets incoming streams now (RFC 6525 §5.2.2): each starts again at SSN or MID 0, and what it
   * held of messages from before the reset is dropped. Messages already released stay for {@link
   * #poll()}. Only correct once every chunk sent before the reset has arrived; {@link
   * #resetStreamsAfter} checks that.
   *
   * @param streamIds the streams to reset; all of them if empty (RFC 6525 §4.1)
   */
  public void resetStreams(List<Integer> streamIds) {
    if (streamIds.isEmpty()) {
      for (int id = 0; id < streams.length; id++) {
        dropStream(id);
      }
      return;
    }
    for (int id : streamIds) {
      dropStream(id);
    }
  }

  /**
   * An Outgoing SSN Reset Request from the peer (RFC 6525 §5.2.2): resets the streams now if every
   * TSN up to the request's Sender's Last Assigned TSN has arrived, and otherwise enters deferred
   * reset processing: chunks of those streams with later TSNs are held back (counted in {@link
   * #queuedBytes()}) until {@link #applyDeferredReset} sees the cumulative ack point reach it. Only
   * one reset is deferred at a time; while one is, another request is not taken (the caller answers
   * "in progress" and the peer asks again).
   *
   * @param senderLastAssignedTsn the request's Sender's Last Assigned TSN, raw 32 bits
   * @param streamIds the streams to reset; all of them if empty
   * @param cumulativeTsnAck the tracker's {@link DataTracker#cumulativeTsnAck()}
   * @return {@code true} if the streams were reset now (the answer is "success, performed"), {@code
   *     false} if the reset is deferred ("in progress")
   */
  public boolean resetStreamsAfter(
      int senderLastAssignedTsn, List<Integer> streamIds, int cumulativeTsnAck) {
    long last = tsns.unwrap(senderLastAssignedTsn);
    if (last <= tsns.peek(cumulativeTsnAck)) {
      resetStreams(streamIds);
      return true;
    }
    if (!resetDeferred) {
      resetDeferred = true;
      deferredResetTsn = last;
      deferredResetAll = streamIds.isEmpty();
      deferredResetStreams.clear();
      for (int id : streamIds) {
        if (id >= 0 && id < STREAM_IDS) {
          deferredResetStreams.set(id);
        }
      }
    }
    return false;
  }

  /** Whether a stream reset waits for the cumulative ack point (RFC 6525 §5.2.2). */
  public boolean hasDeferredReset() {
    return resetDeferred;
  }

  /**
   * Performs a deferred stream reset once the cumulative ack point has reached its Sender's Last
   * Assigned TSN, then processes the chunks held back for it (RFC 6525 §5.2.2). The caller calls it
   * after each packet that carried DATA, I-DATA or a FORWARD-TSN.
   *
   * @param cumulativeTsnAck the tracker's {@link DataTracker#cumulativeTsnAck()}
   * @return whether the reset was performed now
   */
  public boolean applyDeferredReset(int cumulativeTsnAck) {
    if (!resetDeferred || tsns.peek(cumulativeTsnAck) < deferredResetTsn) {
      return false;
    }
    if (deferredResetAll) {
      resetStreams(List.of());
    } else {
      for (int id = deferredResetStreams.nextSetBit(0);
          id >= 0;
          id = deferredResetStreams.nextSetBit(id + 1)) {
        dropStream(id);
      }
    }
    resetDeferred = false;
    deferredResetStreams.clear();
    List<DeferredChunk> held = new ArrayList<>(deferredChunks);
    deferredChunks.clear();
    for (DeferredChunk chunk : held) {
      queuedBytes -= charge(chunk.data().length());
      insert(tsns.unwrap(chunk.tsn()), chunk.data());
    }
    return true;
  }

  private boolean isDeferredResetStream(int streamId) {
    return deferredResetAll || deferredResetStreams.get(streamId);
  }

  /** Files a fragment where it belongs, counting whatever it keeps, and releases what it can. */
  private void insert(long tsn, Data data) {
    if (interleaved) {
      // RFC 8260 §2.1: the first fragment's FSN is 0 (its place holds the PPID).
      long fsn = data.beginning() ? 0 : Integer.toUnsignedLong(data.fsn());
      if (!data.beginning() && fsn == 0) {
        return;
      }
      InboundStream stream = stream(data.streamId());
      if (data.unordered()) {
        insertUnordered(stream, fsn, data);
      } else {
        insertOrdered(stream, stream.unwrapOrdered(data.mid()), fsn, data);
      }
    } else if (data.unordered()) {
      insertIntoRun(tsn, data);
    } else {
      InboundStream stream = stream(data.streamId());
      insertOrdered(stream, stream.unwrapOrdered(data.ssn()), tsn, data);
    }
  }

  /**
   * An ordered fragment: {@code sequence} is its unwrapped SSN or MID, {@code place} its TSN (DATA)
   * or FSN (I-DATA).
   */
  private void insertOrdered(InboundStream stream, long sequence, long place, Data data) {
    if (sequence < stream.next()) {
      return; // delivered or skipped already
    }
    if (sequence == stream.next()
        && data.beginning()
        && data.end()
        && (stream.ordered.isEmpty() || stream.ordered.firstKey() != sequence)) {
      // The common case: the next message, whole in one fragment.
      releaseNow(data);
      stream.advanceTo(sequence + 1);
      drainOrdered(stream);
      return;
    }
    PartialMessage message = stream.ordered.get(sequence);
    if (message == null) {
      stream.ordered.put(sequence, new PartialMessage(place, data));
    } else if (!message.add(place, data)) {
      return;
    }
    queuedBytes += charge(data.length());
    if (sequence == stream.next()) {
      drainOrdered(stream);
    }
  }

  /** Releases the stream's ordered messages for as long as the next expected one is whole. */
  private void drainOrdered(InboundStream stream) {
    while (!stream.ordered.isEmpty()) {
      Map.Entry<Long, PartialMessage> first = stream.ordered.firstEntry();
      if (first.getKey() != stream.next() || !first.getValue().isComplete()) {
        return;
      }
      stream.ordered.pollFirstEntry();
      release(first.getValue());
      releaseNow(first.getValue());
      stream.advanceTo(stream.next() + 1);
    }
  }

  /** An I-DATA unordered fragment at {@code fsn}: released as soon as its message is whole. */
  private void insertUnordered(InboundStream stream, long fsn, Data data) {
    if (data.beginning() && data.end()) {
      releaseNow(data);
      return;
    }
    long mid = stream.unwrapUnordered(data.mid());
    PartialMessage message = stream.unordered.get(mid);
    if (message == null) {
      message = new PartialMessage(fsn, data);
      stream.unordered.put(mid, message);
    } else if (!message.add(fsn, data)) {
      return;
    }
    queuedBytes += charge(data.length());
    if (message.isComplete()) {
      stream.unordered.remove(mid);
      release(message);
      releaseNow(message);
    }
  }

  /**
   * A DATA unordered fragment: joins the run of TSNs just below it and the one just above it when
   * they can belong to the same message (no E bit before it, no B bit after it), and a run that
   * goes from a B bit to an E bit is a whole message.
   */
  private void insertIntoRun(long tsn, Data data) {
    if (data.beginning() && data.end()) {
      releaseNow(data);
      return;
    }
    Map.Entry<Long, PartialMessage> lowerEntry = unorderedRuns.floorEntry(tsn);
    PartialMessage below = null;
    if (lowerEntry != null) {
      PartialMessage lower = lowerEntry.getValue();
      if (lower.lastKey() >= tsn) {
        return; // already held
      }
      if (lower.lastKey() == tsn - 1 && !lower.last().end() && !data.beginning()) {
        below = lower;
      }
    }
    PartialMessage above = data.end() ? null : unorderedRuns.get(tsn + 1);
    if (above != null && above.first().beginning()) {
      above = null;
    }
    PartialMessage run;
    if (below != null) {
      below.add(tsn, data);
      run = below;
      if (above != null) {
        unorderedRuns.remove(below.firstKey());
        unorderedRuns.remove(tsn + 1);
        run = PartialMessage.merge(below, above);
        unorderedRuns.put(run.firstKey(), run);
      }
    } else if (above != null) {
      unorderedRuns.remove(tsn + 1);
      above.add(tsn, data);
      run = above;
      unorderedRuns.put(tsn, run);
    } else {
      run = new PartialMessage(tsn, data);
      unorderedRuns.put(tsn, run);
    }
    queuedBytes += charge(data.length());
    if (run.isComplete()) {
      unorderedRuns.remove(run.firstKey());
      release(run);
      releaseNow(run);
    }
  }

  /** Makes a whole single-fragment message ready, counting it. */
  private void releaseNow(Data data) {
    ready.add(new ReceivedMessage(data.streamId(), data.ppid(), data.payload(), data.unordered()));
    queuedBytes += charge(data.length());
  }

  /** Makes a whole message ready, counting it; its fragments must be uncounted already. */
  private void releaseNow(PartialMessage message) {
    ReceivedMessage whole = message.assemble();
    ready.add(whole);
    queuedBytes += charge(whole.payload().length);
  }

  /** Uncounts a message's fragments (it is dropped, or about to be assembled). */
  private void release(PartialMessage message) {
    queuedBytes -= message.payloadBytes() + (long) message.fragmentCount() * FRAGMENT_OVERHEAD;
  }

  private void releaseAll(NavigableMap<Long, PartialMessage> messages) {
    for (PartialMessage message : messages.values()) {
      release(message);
    }
    messages.clear();
  }

  private void dropStream(int id) {
    InboundStream stream = existingStream(id);
    if (stream != null) {
      releaseAll(stream.ordered);
      releaseAll(stream.unordered);
      streams[id] = null;
    }
  }

  private InboundStream existingStream(int id) {
    return id >= 0 && id < streams.length ? streams[id] : null;
  }

  private InboundStream stream(int id) {
    if (id >= streams.length) {
      streams = Arrays.copyOf(streams, Math.min(STREAM_IDS, Integer.highestOneBit(id) << 1));
    }
    InboundStream stream = streams[id];
    if (stream == null) {
      stream = new InboundStream(interleaved);
      streams[id] = stream;
    }
    return stream;
  }

  private static long charge(int payloadLength) {
    return (long) payloadLength + FRAGMENT_OVERHEAD;
  }

  @Override
  public String toString() {
    return "ReassemblyQueue["
        + (interleaved ? "I-DATA" : "DATA")
        + ", "
        + queuedBytes
        + "/"
        + maxBytes
        + " B, "
        + ready.size()
        + " ready"
        + (resetDeferred ? ", reset deferred" : "")
        + "]";
  }
}
