package org.rtc4j.sctp.tx;

import java.util.ArrayDeque;

/**
 * One outgoing stream of the send queue: its messages in order, its sequence numbers, its buffered
 * amount, whether it is being reset, and its links in the {@link StreamScheduler}'s ring.
 */
final class OutgoingStream {
  /** Where the stream is in a stream reset (RFC 6525 §5.1.2). */
  enum ResetState {
    /** Takes messages. */
    OPEN,
    /**
     * Reset asked for: takes no new messages; what is queued is still sent, and once nothing is
     * left the stream is ready to be named in an Outgoing SSN Reset Request.
     */
    PAUSED,
    /** Named in a request that awaits its response. */
    RESETTING
  }

  final int id;
  final ArrayDeque<OutgoingMessage> messages = new ArrayDeque<>();

  /** DATA: the next ordered message's SSN, 16 bits (RFC 9260 §6.5). */
  int nextSsn;

  /** I-DATA: the next ordered and unordered messages' MIDs, separate sequences (RFC 8260 §2.1). */
  int nextOrderedMid;

  int nextUnorderedMid;

  /** Payload bytes queued and not yet produced. */
  long bufferedAmount;

  long bufferedAmountLowThreshold;

  /** Whether a buffered-amount-low event for the stream waits to be polled. */
  boolean lowEventPending;

  ResetState resetState = ResetState.OPEN;

  /** The scheduler's ring of streams that have something to produce. */
  boolean active;

  OutgoingStream previous;
  OutgoingStream next;

  OutgoingStream(int id) {
    this.id = id;
  }

  /** Ready to be reset: asked to be, and nothing of it is left to produce. */
  boolean isReadyToBeReset() {
    return resetState == ResetState.PAUSED && messages.isEmpty();
  }

  /** Numbers the stream's next messages from 0 again (RFC 6525 §5.1.2, RFC 8260 §2.3.2). */
  void resetSequenceNumbers() {
    nextSsn = 0;
    nextOrderedMid = 0;
    nextUnorderedMid = 0;
  }
}
