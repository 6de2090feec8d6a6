package org.rtc4j.sctp.tx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;
import org.rtc4j.sctp.common.Data;

/**
 * What the user has sent and is not yet on the wire: a queue of messages per stream, cut into
 * fragments on demand by {@link #produce}, with round-robin between the streams.
 *
 * <h2>Fragments and numbering</h2>
 *
 * A message is cut into fragments of at most the {@code maxPayload} each {@link #produce} call
 * allows; the first has the B bit, the last the E bit (RFC 9260 §6.9). A message that fits whole is
 * handed on as is, without copying its payload. The sequence number is given with the first
 * fragment:
 *
 * <ul>
 *   <li>DATA (not interleaved): an ordered message takes its stream's next SSN, 16 bits, wrapping
 *       after 65535 (RFC 9260 §6.5); an unordered one has SSN 0. All fragments of a message share
 *       its SSN and PPID. Once a message has begun, its fragments are produced one after the other
 *       before anything else, so that they get consecutive TSNs (RFC 9260 §6.9).
 *   <li>I-DATA (interleaved, RFC 8260 §2.1): each stream has two 32-bit MID sequences, one for
 *       ordered and one for unordered messages; fragments are numbered by FSN from 0, and only the
 *       first carries the PPID. The scheduler may switch streams between any two fragments, so a
 *       large message does not hold up the other streams (RFC 8260 §1).
 * </ul>
 *
 * <h2>Scheduling</h2>
 *
 * Round-robin between the streams that have something to send: one whole message per turn with
 * DATA, one fragment per turn with I-DATA.
 *
 * <h2>Buffered amount and the send buffer's bound</h2>
 *
 * A stream's {@linkplain #bufferedAmount buffered amount} is, as in the W3C's {@code
 * RTCDataChannel.bufferedAmount}, the payload bytes queued and not yet produced; it falls as
 * fragments are produced and as messages expire or are discarded, and each fall from above the
 * stream's threshold to at or below it yields one event for {@link #pollBufferedAmountLow}. The
 * send buffer's bound {@code maxBufferedBytes} counts each queued message as its unproduced bytes
 * plus {@link #MESSAGE_OVERHEAD}, what the queue's record of a message costs: so a flood of
 * one-byte messages is bounded too, and {@link #add} refuses with {@link SendStatus#BUFFER_FULL} a
 * message that would take that count past the bound.
 *
 * <h2>Lifetime</h2>
 *
 * A message sent with a lifetime lives from the time it is added through {@code lifetime}
 * nanoseconds later: its fragments' {@link OutgoingFragment#expiresAt()} is the first time at which
 * it is dead, {@code now + lifetime + 1} (so that a lifetime of 0 still lets the message go out at
 * the time it was added). {@link #produce} drops, unsent, a message at the head of its stream that
 * is dead and has not begun; a message that has begun is the retransmission queue's to abandon.
 *
 * <h2>Stream reset</h2>
 *
 * Closing a data channel resets its stream (RFC 8831 §6.7, RFC 6525), after the data already queued
 * on it: {@link #prepareResetStreams} pauses the streams, which then take no new messages ({@link
 * SendStatus#STREAM_CLOSED}) but still send what they hold. A paused stream is ready once nothing
 * of it is left to produce; {@link #getStreamsReadyToBeReset} hands the ready ones to the
 * association for an Outgoing SSN Reset Request, and its response ends in {@link
 * #commitResetStreams} (the streams number from 0 again and reopen) or {@link
 * #rollbackResetStreams} (they reopen unchanged).
 *
 * <p>Not thread-safe; no call allocates beyond the fragment it returns, except {@link #add} (the
 * message's record) and the rare stream reset calls.
 */
public final class SendQueue implements FragmentSource {
  /**
   * The bytes each queued message counts for against {@code maxBufferedBytes} besides its
   * unproduced payload: about what the queue's record of the message takes in memory.
   */
  public static final int MESSAGE_OVERHEAD = 64;

  /** Streams are numbered 0–65535 (RFC 9260 §3.3.1: a 16-bit stream identifier). */
  private static final int STREAM_ID_LIMIT = 1 << 16;

  private final boolean interleaved;
  private final long maxBufferedBytes;
  private final StreamScheduler scheduler = new StreamScheduler();

  /** Indexed by stream id; grows by doubling up to 65536 entries. */
  private OutgoingStream[] streams = new OutgoingStream[16];

  private long nextMessageId;
  private int queuedMessages;

  /** Payload bytes queued and not produced, across the streams. */
  private long totalBufferedAmount;

  /** What the bound counts: {@link #totalBufferedAmount} plus the overhead of each message. */
  private long chargedBytes;

  /** Streams with a buffered-amount-low event to be polled, at most once each: a ring. */
  private int[] lowEvents = new int[16];

  private int lowEventsHead;
  private int lowEventsCount;

  /** Streams asked to be reset (PAUSED), and those in a pending request (RESETTING). */
  private final List<OutgoingStream> pausedStreams = new ArrayList<>();

  private final List<OutgoingStream> resettingStreams = new ArrayList<>();

  /**
   * @param interleaved whether I-DATA is in use (RFC 8260), as negotiated
   * @param maxBufferedBytes the send buffer's bound across all streams, see the class description
   * @throws IllegalArgumentException if the bound is not positive
   */
  public SendQueue(boolean interleaved, long maxBufferedBytes) {
    if (maxBufferedBytes <= 0) {
      throw new IllegalArgumentException("maxBufferedBytes must be positive: " + maxBufferedBytes);
    }
    this.interleaved = interleaved;
    this.maxBufferedBytes = maxBufferedBytes;
  }

  /**
   * Queues a message on a stream. The payload is not copied: the queue owns it from now on if the
   * message is {@link SendStatus#QUEUED}, and the caller must not change it.
   *
   * @param now the time, in nanoseconds, from which a lifetime counts
   * @param streamId the stream, 0–65535
   * @param ppid the payload protocol identifier
   * @param payload the message, at least one byte
   * @param options ordered or not, and the PR-SCTP limits
   * @return {@link SendStatus#QUEUED}; {@link SendStatus#STREAM_CLOSED} if the stream is being
   *     reset; {@link SendStatus#BUFFER_FULL} if the message would take the send buffer past its
   *     bound
   * @throws IllegalArgumentException if the stream id is not 16 bits or the payload is empty
   */
  public SendStatus add(long now, int streamId, int ppid, byte[] payload, SendOptions options) {
    checkStreamId(streamId);
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(options, "options");
    if (payload.length == 0) {
      // RFC 9260 §6.2: no DATA chunk without user data; WebRTC sends one byte (RFC 8831 §6.6).
      throw new IllegalArgumentException("empty message on stream " + streamId);
    }
    OutgoingStream stream = streamOrNull(streamId);
    if (stream != null && stream.resetState != OutgoingStream.ResetState.OPEN) {
      return SendStatus.STREAM_CLOSED;
    }
    long charge = (long) payload.length + MESSAGE_OVERHEAD;
    if (charge > maxBufferedBytes - chargedBytes) {
      return SendStatus.BUFFER_FULL;
    }
    if (stream == null) {
      stream = createStream(streamId);
    }
    long expiresAt =
        options.maxLifetimeNanos() == SendOptions.UNLIMITED
            ? Time.NEVER
            : Math.min(Time.after(now, options.maxLifetimeNanos()), Time.NEVER - 1) + 1;
    OutgoingMessage message =
        new OutgoingMessage(
            nextMessageId++,
            ppid,
            payload,
            options.unordered(),
            options.maxRetransmits(),
            expiresAt);
    stream.messages.addLast(message);
    stream.bufferedAmount += payload.length;
    totalBufferedAmount += payload.length;
    chargedBytes += charge;
    queuedMessages++;
    scheduler.activate(stream);
    return SendStatus.QUEUED;
  }

  @Override
  public OutgoingFragment produce(long now, int maxPayload) {
    if (maxPayload < 1) {
      throw new IllegalArgumentException("maxPayload must be at least 1: " + maxPayload);
    }
    while (true) {
      OutgoingStream stream = scheduler.current();
      if (stream == null) {
        return null;
      }
      OutgoingMessage message = stream.messages.peekFirst();
      if (!message.started() && Time.isDue(message.expiresAt, now)) {
        // RFC 3758 §3.1 (timed reliability): dead before it was sent; nothing is on the wire.
        removeHead(stream, message);
        continue;
      }
      return produceFragment(stream, message, maxPayload);
    }
  }

  private OutgoingFragment produceFragment(
      OutgoingStream stream, OutgoingMessage message, int maxPayload) {
    boolean beginning = !message.started();
    if (beginning) {
      number(stream, message);
    }
    int remaining = message.remaining();
    int length = Math.min(remaining, maxPayload);
    boolean end = length == remaining;
    byte[] piece =
        beginning && end
            ? message.payload
            : Arrays.copyOfRange(message.payload, message.offset, message.offset + length);
    Data data =
        new Data(
            stream.id,
            message.ssn,
            message.mid,
            interleaved ? message.fsn : 0,
            // RFC 8260 §2.1: only the first I-DATA fragment carries the PPID; DATA carries it in
            // every fragment (RFC 9260 §3.3.1).
            interleaved && !beginning ? 0 : message.ppid,
            piece,
            beginning,
            end,
            message.unordered);
    message.offset += length;
    message.fsn++;
    OutgoingFragment fragment =
        new OutgoingFragment(data, message.id, message.maxRetransmits, message.expiresAt);
    consume(stream, length);
    if (end) {
      removeHead(stream, message);
    }
    if (interleaved || end) {
      scheduler.endTurn(stream);
    }
    return fragment;
  }

  /** Gives a message its SSN or MID as its first fragment is produced. */
  private void number(OutgoingStream stream, OutgoingMessage message) {
    if (interleaved) {
      // RFC 8260 §2.1: separate MID sequences for ordered and unordered messages, 32 bits.
      message.mid = message.unordered ? stream.nextUnorderedMid++ : stream.nextOrderedMid++;
      message.ssn = 0;
    } else {
      // RFC 9260 §6.5: ordered messages are numbered per stream; unordered ones' SSN is ignored.
      message.ssn = message.unordered ? 0 : stream.nextSsn;
      if (!message.unordered) {
        stream.nextSsn = (stream.nextSsn + 1) & 0xFFFF;
      }
      message.mid = 0;
    }
  }

  @Override
  public boolean discard(int streamId, long messageId) {
    if ((streamId & ~0xFFFF) != 0) {
      return false;
    }
    OutgoingStream stream = streamOrNull(streamId);
    if (stream == null) {
      return false;
    }
    // Only a stream's head can have begun: its messages are produced in order.
    OutgoingMessage head = stream.messages.peekFirst();
    if (head == null || head.id != messageId) {
      return false;
    }
    boolean started = head.started();
    removeHead(stream, head);
    if (started && !interleaved) {
      // The message held the turn until its end (RFC 9260 §6.9); there is no end to wait for.
      scheduler.endTurn(stream);
    }
    return true;
  }

  /**
   * The payload bytes queued on a stream and not yet produced (W3C {@code bufferedAmount}), 0 for a
   * stream never used.
   *
   * @throws IllegalArgumentException if the stream id is not 16 bits
   */
  public long bufferedAmount(int streamId) {
    checkStreamId(streamId);
    OutgoingStream stream = streamOrNull(streamId);
    return stream == null ? 0 : stream.bufferedAmount;
  }

  /** The payload bytes queued and not yet produced, across all streams. */
  public long totalBufferedAmount() {
    return totalBufferedAmount;
  }

  /**
   * Sets the level at or below which a fall of the stream's buffered amount yields an event (W3C
   * {@code bufferedAmountLowThreshold}, 0 until set).
   *
   * @throws IllegalArgumentException if the stream id is not 16 bits or the threshold negative
   */
  public void setBufferedAmountLowThreshold(int streamId, long threshold) {
    checkStreamId(streamId);
    if (threshold < 0) {
      throw new IllegalArgumentException("negative threshold: " + threshold);
    }
    OutgoingStream stream = streamOrNull(streamId);
    if (stream == null) {
      stream = createStream(streamId);
    }
    stream.bufferedAmountLowThreshold = threshold;
  }

  /**
   * The next stream whose buffered amount fell from above its threshold to at or below it, or -1.
   * Each crossing yields one event; crossings of a stream before its event is polled yield just
   * that one.
   */
  public int pollBufferedAmountLow() {
    if (lowEventsCount == 0) {
      return -1;
    }
    int streamId = lowEvents[lowEventsHead];
    lowEventsHead = (lowEventsHead + 1) & (lowEvents.length - 1);
    lowEventsCount--;
    streams[streamId].lowEventPending = false;
    return streamId;
  }

  /** Whether nothing is left to produce on any stream. */
  public boolean isEmpty() {
    return queuedMessages == 0;
  }

  /**
   * Asks for streams to be reset once what they hold is sent (RFC 8831 §6.7): from now on they take
   * no new messages. Streams already paused or in a pending request are left as they are.
   *
   * @throws IllegalArgumentException if a stream id is not 16 bits (then no stream is paused)
   */
  public void prepareResetStreams(List<Integer> streamIds) {
    for (int streamId : streamIds) {
      checkStreamId(streamId);
    }
    for (int streamId : streamIds) {
      OutgoingStream stream = streamOrNull(streamId);
      if (stream == null) {
        stream = createStream(streamId);
      }
      if (stream.resetState == OutgoingStream.ResetState.OPEN) {
        stream.resetState = OutgoingStream.ResetState.PAUSED;
        pausedStreams.add(stream);
      }
    }
  }

  /** Whether a paused stream has nothing left to produce, so it can be named in a request. */
  public boolean hasStreamsReadyToBeReset() {
    for (OutgoingStream stream : pausedStreams) {
      if (stream.isReadyToBeReset()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The paused streams that have nothing left to produce, in increasing order, now marked as in a
   * pending request until {@link #commitResetStreams} or {@link #rollbackResetStreams}. Call it
   * again only after one of those: RFC 6525 §5.1.1 allows one outstanding request.
   */
  public List<Integer> getStreamsReadyToBeReset() {
    List<Integer> ready = new ArrayList<>();
    for (int i = 0; i < pausedStreams.size(); ) {
      OutgoingStream stream = pausedStreams.get(i);
      if (stream.isReadyToBeReset()) {
        stream.resetState = OutgoingStream.ResetState.RESETTING;
        resettingStreams.add(stream);
        ready.add(stream.id);
        pausedStreams.set(i, pausedStreams.get(pausedStreams.size() - 1));
        pausedStreams.remove(pausedStreams.size() - 1);
      } else {
        i++;
      }
    }
    ready.sort(null);
    return ready;
  }

  /**
   * The peer performed the reset (RFC 6525 §5.1.2): the streams in the request number their
   * messages from 0 again, SSN and both MIDs (RFC 8260 §2.3.1), and take messages again.
   */
  public void commitResetStreams() {
    for (OutgoingStream stream : resettingStreams) {
      stream.resetSequenceNumbers();
      stream.resetState = OutgoingStream.ResetState.OPEN;
    }
    resettingStreams.clear();
  }

  /** The peer denied the reset (RFC 6525 §4.4): the streams in the request reopen unchanged. */
  public void rollbackResetStreams() {
    for (OutgoingStream stream : resettingStreams) {
      stream.resetState = OutgoingStream.ResetState.OPEN;
    }
    resettingStreams.clear();
  }

  /**
   * The association restarted with a peer that has forgotten everything (RFC 9260 §5.2.4): the
   * queued messages stay, but every stream numbers from 0 again and reopens, and a message that was
   * partly produced starts over from its first fragment under a new message id (its fragments in
   * flight are gone with the old association state), so its bytes count as buffered again.
   */
  public void reset() {
    for (OutgoingStream stream : streams) {
      if (stream == null) {
        continue;
      }
      stream.resetSequenceNumbers();
      stream.resetState = OutgoingStream.ResetState.OPEN;
      OutgoingMessage head = stream.messages.peekFirst();
      if (head != null && head.started()) {
        long produced = head.offset;
        head.rewind(nextMessageId++);
        stream.bufferedAmount += produced;
        totalBufferedAmount += produced;
        chargedBytes += produced;
      }
    }
    pausedStreams.clear();
    resettingStreams.clear();
  }

  /** Takes the stream's first message off its queue, whatever of it was not produced. */
  private void removeHead(OutgoingStream stream, OutgoingMessage head) {
    stream.messages.pollFirst();
    queuedMessages--;
    chargedBytes -= MESSAGE_OVERHEAD;
    if (head.remaining() > 0) {
      consume(stream, head.remaining());
    }
    if (stream.messages.isEmpty()) {
      scheduler.deactivate(stream);
    }
  }

  /** Bytes of the stream leave the buffer: produced, expired or discarded. */
  private void consume(OutgoingStream stream, long bytes) {
    long before = stream.bufferedAmount;
    stream.bufferedAmount = before - bytes;
    totalBufferedAmount -= bytes;
    chargedBytes -= bytes;
    long threshold = stream.bufferedAmountLowThreshold;
    if (before > threshold && stream.bufferedAmount <= threshold && !stream.lowEventPending) {
      stream.lowEventPending = true;
      if (lowEventsCount == lowEvents.length) {
        // At most one event per stream, so at most 65536.
        int[] grown = new int[lowEvents.length * 2];
        for (int i = 0; i < lowEventsCount; i++) {
          grown[i] = lowEvents[(lowEventsHead + i) & (lowEvents.length - 1)];
        }
        lowEvents = grown;
        lowEventsHead = 0;
      }
      lowEvents[(lowEventsHead + lowEventsCount) & (lowEvents.length - 1)] = stream.id;
      lowEventsCount++;
    }
  }

  private OutgoingStream streamOrNull(int streamId) {
    return streamId < streams.length ? streams[streamId] : null;
  }

  private OutgoingStream createStream(int streamId) {
    if (streamId >= streams.length) {
      int length = streams.length;
      while (length <= streamId) {
        length *= 2;
      }
      streams = Arrays.copyOf(streams, length);
    }
    OutgoingStream stream = new OutgoingStream(streamId);
    streams[streamId] = stream;
    return stream;
  }

  private static void checkStreamId(int streamId) {
    if (streamId < 0 || streamId >= STREAM_ID_LIMIT) {
      throw new IllegalArgumentException("stream id not 16 bits: " + streamId);
    }
  }

  @Override
  public String toString() {
    return "SendQueue["
        + (interleaved ? "I-DATA" : "DATA")
        + ", "
        + queuedMessages
        + " messages, "
        + totalBufferedAmount
        + " B buffered on "
        + scheduler.size()
        + " streams]";
  }
}
