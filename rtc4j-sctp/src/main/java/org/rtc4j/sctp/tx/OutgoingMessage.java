package org.rtc4j.sctp.tx;

/**
 * One user message in the send queue, and how far it has been cut into fragments. Mutable, owned by
 * its {@link OutgoingStream}.
 *
 * <p>The stream sequence number (DATA) or message identifier (I-DATA) is given when the first
 * fragment is produced, not when the message is queued, so that a message that expires before it is
 * sent leaves no gap in its stream's sequence (RFC 9260 §6.5, RFC 8260 §2.1).
 */
final class OutgoingMessage {
  final int ppid;
  final byte[] payload;
  final boolean unordered;
  final long maxRetransmits;
  final long expiresAt;

  /** The send queue's number for the message; a new one if a restart makes it start again. */
  long id;

  /** Bytes of the payload already produced as fragments. */
  int offset;

  /** The SSN (DATA) or MID (I-DATA), once the first fragment is produced. */
  int ssn;

  int mid;

  /** The FSN of the next fragment (I-DATA, RFC 8260 §2.1: the first fragment's is 0). */
  int fsn;

  OutgoingMessage(
      long id, int ppid, byte[] payload, boolean unordered, long maxRetransmits, long expiresAt) {
    this.id = id;
    this.ppid = ppid;
    this.payload = payload;
    this.unordered = unordered;
    this.maxRetransmits = maxRetransmits;
    this.expiresAt = expiresAt;
  }

  /** Whether a fragment of it has been produced: then it is no longer dropped on expiry. */
  boolean started() {
    return offset > 0;
  }

  /** Bytes still to be produced. */
  int remaining() {
    return payload.length - offset;
  }

  /** Forgets the fragments produced, so that the message is sent again from its start. */
  void rewind(long newId) {
    id = newId;
    offset = 0;
    fsn = 0;
    ssn = 0;
    mid = 0;
  }
}
