package org.rtc4j.sctp.tx;

/**
 * Where the retransmission queue takes new fragments from: the send queue, as the retransmission
 * queue sees it. An interface so that each side can be built and tested alone.
 */
public interface FragmentSource {
  /**
   * The next fragment to send, or {@code null} if there is none. Messages whose lifetime has ended
   * by {@code now} and that have not started to be sent are dropped instead of produced.
   *
   * @param now the time, in nanoseconds
   * @param maxPayload the most payload bytes the fragment may carry, at least 1
   */
  OutgoingFragment produce(long now, int maxPayload);

  /**
   * PR-SCTP (RFC 3758): the retransmission queue abandoned a message of which it holds fragments;
   * the send queue drops whatever of it was not produced yet.
   *
   * @param streamId the message's stream
   * @param messageId the {@link OutgoingFragment#messageId()} of its fragments
   * @return whether fragments of the message were still queued (so its last fragment was never
   *     produced, and the receiver will learn of the end only from a FORWARD-TSN)
   */
  boolean discard(int streamId, long messageId);
}
