package org.rtc4j.sctp;

import java.util.List;
import java.util.Objects;

/**
 * What an association tells its user, polled with {@link SctpAssociation#pollEvent()}. Events are
 * queued during a call and seen after it, so the association's state is consistent when they are.
 */
public sealed interface SctpEvent {
  /** The association is established: messages can be sent. */
  record Connected() implements SctpEvent {}

  /**
   * A whole message arrived.
   *
   * @param streamId the stream it came on
   * @param ppid its payload protocol identifier
   * @param payload the message, owned by the receiver
   * @param unordered whether it was sent unordered
   */
  record MessageReceived(int streamId, int ppid, byte[] payload, boolean unordered)
      implements SctpEvent {
    /** Checks that there is a payload. */
    public MessageReceived {
      Objects.requireNonNull(payload, "payload");
    }

    @Override
    public String toString() {
      return "MessageReceived[stream="
          + streamId
          + ", ppid="
          + ppid
          + ", "
          + payload.length
          + " B]";
    }
  }

  /**
   * The peer reset these incoming streams (RFC 6525): their sequence numbers start again, and in
   * WebRTC it closes the data channels on them (RFC 8831 §6.7).
   *
   * @param streamIds the streams
   */
  record IncomingStreamsReset(List<Integer> streamIds) implements SctpEvent {
    /** Copies the list. */
    public IncomingStreamsReset {
      streamIds = List.copyOf(streamIds);
    }
  }

  /**
   * Our reset of these outgoing streams (asked for with {@link SctpAssociation#resetStreams}) is
   * done: the peer has everything sent on them before.
   *
   * @param streamIds the streams
   */
  record OutgoingStreamsReset(List<Integer> streamIds) implements SctpEvent {
    /** Copies the list. */
    public OutgoingStreamsReset {
      streamIds = List.copyOf(streamIds);
    }
  }

  /**
   * The peer refused to reset these outgoing streams; they stay open.
   *
   * @param streamIds the streams
   * @param reason why, as the peer's result code said
   */
  record StreamResetFailed(List<Integer> streamIds, String reason) implements SctpEvent {
    /** Copies the list. */
    public StreamResetFailed {
      streamIds = List.copyOf(streamIds);
    }
  }

  /**
   * The stream's buffered amount fell to its low threshold or below (it was above).
   *
   * @param streamId the stream
   */
  record BufferedAmountLow(int streamId) implements SctpEvent {}

  /** The association ended gracefully (SHUTDOWN, from either side). */
  record Closed() implements SctpEvent {}

  /**
   * The association ended abruptly: an ABORT from either side, the peer found dead (too many
   * retransmissions or unanswered heartbeats) or the handshake timed out. Messages not yet
   * acknowledged may not have arrived.
   *
   * @param reason what happened
   */
  record Aborted(String reason) implements SctpEvent {}
}
