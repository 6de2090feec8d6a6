package org.rtc4j.datachannel;

/** Where a data channel is in its life: W3C's {@code RTCDataChannelState}. */
public enum DataChannelState {
  /**
   * Created, not yet usable: the association is not connected yet. Messages cannot be sent.
   * Channels never come back to this state.
   */
  CONNECTING,
  /** Messages can be sent and are received. */
  OPEN,
  /**
   * The closing procedure has started (RFC 8831 §6.7): our outgoing stream is being reset, after
   * what was already queued on it, and we wait for the peer to reset its own. Nothing can be sent.
   */
  CLOSING,
  /** Both directions of the stream are reset, or the association is gone. Final. */
  CLOSED
}
