package org.rtc4j.sctp.socket;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.packet.AddIncomingStreamsRequestParameter;
import org.rtc4j.sctp.packet.AddOutgoingStreamsRequestParameter;
import org.rtc4j.sctp.packet.Chunk;
import org.rtc4j.sctp.packet.IncomingSsnResetRequestParameter;
import org.rtc4j.sctp.packet.OutgoingSsnResetRequestParameter;
import org.rtc4j.sctp.packet.Parameter;
import org.rtc4j.sctp.packet.ReConfigChunk;
import org.rtc4j.sctp.packet.ReconfigurationResponseParameter;
import org.rtc4j.sctp.packet.SsnTsnResetRequestParameter;

/**
 * Stream reset (RFC 6525), the way WebRTC closes a data channel (RFC 8831 §6.7): only Outgoing SSN
 * Reset Requests are made and honoured; requests to reset our outgoing streams, the TSN or to add
 * streams are denied.
 *
 * <p>Our side sends one request at a time, for the streams whose queued messages have all been
 * sent, naming the last TSN we assigned; it is retransmitted each RTO until answered. "In progress"
 * (the peer has not received everything up to that TSN yet) makes it ask again, under a new request
 * sequence number, an RTO later. The peer's requests are honoured once everything up to their last
 * TSN has arrived, and answered "in progress" until then; a repeated request gets the same answer
 * again (RFC 6525 §5.2.1).
 */
public final class StreamResetHandler {
  /** What the handler needs from its association. */
  public interface Context {
    /** Sends a chunk to the peer in the next packet. */
    void send(Chunk chunk);

    /** The current retransmission timeout. */
    long rto();

    /** The cumulative TSN ack point of what we received. */
    int cumulativeTsnAck();

    /** The last TSN we assigned to data we sent. */
    int lastAssignedTsn();

    /** Whether outgoing streams asked to be reset have nothing left to send. */
    boolean hasStreamsReadyToBeReset();

    /** Takes those streams for a request. */
    List<Integer> takeStreamsReadyToBeReset();

    /** The peer reset these incoming streams: their sequence numbers start again. */
    void incomingStreamsReset(List<Integer> streamIds);

    /** The peer performed our request: these outgoing streams start again. */
    void outgoingStreamsReset(List<Integer> streamIds);

    /** The peer refused our request. */
    void outgoingStreamsResetFailed(List<Integer> streamIds, String reason);
  }

  private final Context context;
  private int nextRequestSequence;
  private int lastPeerRequestSequence;
  private ReconfigurationResponseParameter lastResponse;

  private OutgoingSsnResetRequestParameter inFlight;
  private List<Integer> retryStreams;
  private long deadline = Time.NEVER;

  /**
   * @param localInitialTsn our initial TSN, the first request sequence number (RFC 6525 §5.1.1)
   * @param peerInitialTsn the peer's, one more than the request sequence number "seen" last
   */
  public StreamResetHandler(Context context, int localInitialTsn, int peerInitialTsn) {
    this.context = context;
    this.nextRequestSequence = localInitialTsn;
    this.lastPeerRequestSequence = peerInitialTsn - 1;
  }

  /** When {@link #handleTimeout} has something to do, or {@link Time#NEVER}. */
  public long deadline() {
    return deadline;
  }

  /** Sends a request if streams are ready and none is in flight. */
  public void maybeSendRequest(long now) {
    if (inFlight != null || retryStreams != null || !context.hasStreamsReadyToBeReset()) {
      return;
    }
    request(context.takeStreamsReadyToBeReset(), now);
  }

  /** Retransmits the request in flight, or asks again after "in progress". */
  public void handleTimeout(long now) {
    if (!Time.isDue(deadline, now)) {
      return;
    }
    deadline = Time.NEVER;
    if (inFlight != null) {
      context.send(new ReConfigChunk(List.of(inFlight)));
      deadline = Time.after(now, context.rto());
    } else if (retryStreams != null) {
      List<Integer> streams = retryStreams;
      retryStreams = null;
      request(streams, now);
    }
  }

  private void request(List<Integer> streams, long now) {
    inFlight =
        new OutgoingSsnResetRequestParameter(
            nextRequestSequence++, lastPeerRequestSequence, context.lastAssignedTsn(), streams);
    context.send(new ReConfigChunk(List.of(inFlight)));
    deadline = Time.after(now, context.rto());
  }

  /**
   * Handles a RE-CONFIG chunk's parameters: the peer's requests are answered (in one RE-CONFIG),
   * responses to ours settle it.
   *
   * @return false if the chunk held nothing we could act on
   */
  public boolean handle(ReConfigChunk chunk, long now) {
    List<Parameter> responses = new ArrayList<>(2);
    boolean understood = false;
    for (Parameter p : chunk.parameters()) {
      if (p instanceof OutgoingSsnResetRequestParameter request) {
        responses.add(answer(request));
        understood = true;
      } else if (p instanceof ReconfigurationResponseParameter response) {
        understood |= settle(response, now);
      } else if (p instanceof IncomingSsnResetRequestParameter request) {
        responses.add(deny(request.requestSequenceNumber()));
        understood = true;
      } else if (p instanceof SsnTsnResetRequestParameter request) {
        responses.add(deny(request.requestSequenceNumber()));
        understood = true;
      } else if (p instanceof AddOutgoingStreamsRequestParameter request) {
        responses.add(deny(request.requestSequenceNumber()));
        understood = true;
      } else if (p instanceof AddIncomingStreamsRequestParameter request) {
        responses.add(deny(request.requestSequenceNumber()));
        understood = true;
      }
    }
    if (!responses.isEmpty()) {
      context.send(new ReConfigChunk(responses));
    }
    return understood;
  }

  private ReconfigurationResponseParameter deny(int sequence) {
    return new ReconfigurationResponseParameter(sequence, ReconfigurationResponseParameter.DENIED);
  }

  private ReconfigurationResponseParameter answer(OutgoingSsnResetRequestParameter request) {
    int sequence = request.requestSequenceNumber();
    if (sequence == lastPeerRequestSequence && lastResponse != null) {
      // RFC 6525 §5.2.1: a retransmission gets the same answer.
      return lastResponse;
    }
    if (sequence != lastPeerRequestSequence + 1) {
      return new ReconfigurationResponseParameter(
          sequence, ReconfigurationResponseParameter.ERROR_BAD_SEQUENCE_NUMBER);
    }
    lastPeerRequestSequence = sequence;
    int result;
    // RFC 6525 §5.2.2: reset only when everything the peer sent up to its last TSN has arrived.
    if (request.senderLastAssignedTsn() - context.cumulativeTsnAck() > 0) {
      result = ReconfigurationResponseParameter.IN_PROGRESS;
    } else {
      context.incomingStreamsReset(request.streamIds());
      result = ReconfigurationResponseParameter.SUCCESS_PERFORMED;
    }
    lastResponse = new ReconfigurationResponseParameter(sequence, result);
    return lastResponse;
  }

  private boolean settle(ReconfigurationResponseParameter response, long now) {
    if (inFlight == null || response.responseSequenceNumber() != inFlight.requestSequenceNumber()) {
      return false;
    }
    List<Integer> streams = inFlight.streamIds();
    inFlight = null;
    deadline = Time.NEVER;
    switch (response.result()) {
      case ReconfigurationResponseParameter.SUCCESS_NOTHING_TO_DO,
          ReconfigurationResponseParameter.SUCCESS_PERFORMED -> {
        context.outgoingStreamsReset(streams);
        maybeSendRequest(now);
      }
      case ReconfigurationResponseParameter.IN_PROGRESS -> {
        retryStreams = streams;
        deadline = Time.after(now, context.rto());
      }
      default ->
          context.outgoingStreamsResetFailed(
              streams, ReconfigurationResponseParameter.resultName(response.result()));
    }
    return true;
  }
}
