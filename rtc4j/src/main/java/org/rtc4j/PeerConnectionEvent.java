package org.rtc4j;

import java.util.Objects;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelEvent;
import org.rtc4j.ice.IceConnectionState;

/**
 * What a {@link RTCPeerConnection} tells its owner, polled from {@link
 * RTCPeerConnection#pollEvent()}: the events of W3C's {@code RTCPeerConnection}, and everything
 * that happens on its data channels.
 */
public sealed interface PeerConnectionEvent {

  /** Negotiation is needed (W3C {@code negotiationneeded}): create an offer and signal it. */
  record NegotiationNeeded() implements PeerConnectionEvent {}

  /**
   * A local candidate was gathered (W3C {@code icecandidate}): signal it to the peer.
   *
   * @param candidate the candidate
   */
  record IceCandidate(RTCIceCandidate candidate) implements PeerConnectionEvent {
    /** Checks the candidate is there. */
    public IceCandidate {
      Objects.requireNonNull(candidate, "candidate");
    }
  }

  /**
   * Gathering finished (W3C {@code icecandidate} with a null candidate): signal end-of-candidates.
   */
  record EndOfCandidates() implements PeerConnectionEvent {}

  /**
   * A STUN or TURN server could not be used (W3C {@code icecandidateerror}).
   *
   * @param url the server's URL
   * @param errorCode the STUN error code, or 701 when the server did not answer
   * @param errorText what went wrong
   */
  record IceCandidateError(String url, int errorCode, String errorText)
      implements PeerConnectionEvent {}

  /**
   * The signaling state changed.
   *
   * @param state the new state
   */
  record SignalingStateChange(SignalingState state) implements PeerConnectionEvent {}

  /**
   * The ICE gathering state changed.
   *
   * @param state the new state
   */
  record IceGatheringStateChange(IceGatheringState state) implements PeerConnectionEvent {}

  /**
   * The ICE connection state changed.
   *
   * @param state the new state
   */
  record IceConnectionStateChange(IceConnectionState state) implements PeerConnectionEvent {}

  /**
   * The connection state changed.
   *
   * @param state the new state
   */
  record ConnectionStateChange(PeerConnectionState state) implements PeerConnectionEvent {}

  /**
   * The peer opened a data channel (W3C {@code datachannel}); its own events follow as {@link
   * Channel}.
   *
   * @param channel the new channel, open
   */
  record DataChannelOpened(DataChannel channel) implements PeerConnectionEvent {}

  /**
   * Something happened on a data channel: it opened, a message arrived, its buffered amount fell,
   * it is closing or closed, or it failed.
   *
   * @param event what happened, naming the channel
   */
  record Channel(DataChannelEvent event) implements PeerConnectionEvent {}

  /**
   * The peer will send media on a transceiver (W3C {@code track}).
   *
   * @param transceiver the transceiver that receives it
   */
  record Track(RTCRtpTransceiver transceiver) implements PeerConnectionEvent {}
}
