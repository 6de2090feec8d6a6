package org.rtc4j.datachannel;

import org.rtc4j.sctp.SctpAssociation;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;

/**
 * What data channels need from the SCTP association under them (RFC 8831 §6): send a message on a
 * stream, reset outgoing streams, and report what is buffered. An association implements it; tests
 * use a fake. What comes back the other way (messages, resets, the buffered amount falling) is
 * handed to the channels by whoever drives both.
 */
public interface DataChannelTransport {
  /**
   * Queues one message on a stream.
   *
   * @param streamId the SCTP stream, 0–65534
   * @param ppid the payload protocol identifier ({@link org.rtc4j.sctp.PayloadProtocolId})
   * @param payload the message, not empty; the transport keeps it, so the caller must not change it
   * @param options ordered or not, and the reliability limits
   * @return {@link SendStatus#QUEUED} if the transport took the message; anything else means it did
   *     not, and why
   */
  SendStatus send(int streamId, int ppid, byte[] payload, SendOptions options);

  /**
   * Resets the outgoing side of these streams (RFC 6525 §5.1.2) after the messages already queued
   * on them: how a data channel is closed (RFC 8831 §6.7).
   */
  void resetStreams(int... streamIds);

  /**
   * The bytes of user data queued on a stream and not yet handed to the network (W3C's {@code
   * bufferedAmount}): it falls as fragments are first sent, not when they are acknowledged.
   */
  long bufferedAmount(int streamId);

  /**
   * Sets the level at or below which the fall of a stream's buffered amount is reported (the
   * buffered-amount-low event). 0 by default.
   */
  void setBufferedAmountLowThreshold(int streamId, long threshold);

  /**
   * The streams of an SCTP association as data channels see them. The association's events go to
   * the channels through {@link DataChannels#handle(org.rtc4j.sctp.SctpEvent)}.
   */
  static DataChannelTransport over(SctpAssociation association) {
    java.util.Objects.requireNonNull(association, "association");
    return new DataChannelTransport() {
      @Override
      public SendStatus send(int streamId, int ppid, byte[] payload, SendOptions options) {
        return association.send(streamId, ppid, payload, options);
      }

      @Override
      public void resetStreams(int... streamIds) {
        association.resetStreams(streamIds);
      }

      @Override
      public long bufferedAmount(int streamId) {
        return association.bufferedAmount(streamId);
      }

      @Override
      public void setBufferedAmountLowThreshold(int streamId, long threshold) {
        association.setBufferedAmountLowThreshold(streamId, threshold);
      }

      @Override
      public String toString() {
        return "DataChannelTransport over " + association;
      }
    };
  }
}
