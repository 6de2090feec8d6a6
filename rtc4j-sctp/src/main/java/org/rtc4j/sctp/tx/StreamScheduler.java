package org.rtc4j.sctp.tx;

/**
 * Round-robin between the streams that have something to send: a ring of the active streams and a
 * cursor on the stream whose turn it is. A stream that becomes active joins at the end of the
 * round, just before the cursor. The links live in the streams themselves, so that no operation
 * allocates.
 *
 * <p>How long a turn lasts is the send queue's business: it calls {@link #endTurn} after one
 * message (DATA) or one fragment (I-DATA).
 */
final class StreamScheduler {
  private OutgoingStream current;
  private int size;

  /** The stream whose turn it is, or {@code null} if no stream has anything to send. */
  OutgoingStream current() {
    return current;
  }

  /** How many streams have something to send. */
  int size() {
    return size;
  }

  /** Puts the stream in the ring, last in the round, unless it is there already. */
  void activate(OutgoingStream stream) {
    if (stream.active) {
      return;
    }
    stream.active = true;
    size++;
    if (current == null) {
      stream.previous = stream;
      stream.next = stream;
      current = stream;
      return;
    }
    OutgoingStream last = current.previous;
    stream.previous = last;
    stream.next = current;
    last.next = stream;
    current.previous = stream;
  }

  /** Takes the stream out of the ring; if it was its turn, the turn passes to the next one. */
  void deactivate(OutgoingStream stream) {
    if (!stream.active) {
      return;
    }
    stream.active = false;
    size--;
    if (stream.next == stream) {
      current = null;
    } else {
      stream.previous.next = stream.next;
      stream.next.previous = stream.previous;
      if (current == stream) {
        current = stream.next;
      }
    }
    stream.previous = null;
    stream.next = null;
  }

  /** The stream's turn is over: the next stream in the ring has its turn. */
  void endTurn(OutgoingStream stream) {
    if (current == stream) {
      current = stream.next;
    }
  }
}
