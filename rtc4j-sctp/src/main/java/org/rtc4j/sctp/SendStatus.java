package org.rtc4j.sctp;

/**
 * What became of a message handed to an association's {@code send}. Only {@link #QUEUED} means the
 * association took the message; for every other value the caller still owns it.
 */
public enum SendStatus {
  /** Queued: it will be sent, and delivered unless it is partially reliable and abandoned. */
  QUEUED,
  /**
   * The send buffer is full: the message would take the buffered bytes past the configured limit.
   * Send again after the buffered amount has fallen (the buffered-amount-low event).
   */
  BUFFER_FULL,
  /** The message is longer than the association's maximum message size. */
  MESSAGE_TOO_LARGE,
  /** The stream is being reset or has been closed; it takes no more messages. */
  STREAM_CLOSED,
  /** The association is not established (yet, or any more). */
  NOT_CONNECTED
}
