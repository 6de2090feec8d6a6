package org.rtc4j;

/**
 * The state of the connection as a whole, over ICE and DTLS (W3C {@code RTCPeerConnectionState}).
 */
public enum PeerConnectionState {
  /** Nothing has started, or ICE and DTLS are both new. */
  NEW,
  /** ICE is checking or DTLS is handshaking. */
  CONNECTING,
  /** ICE works and DTLS is connected. */
  CONNECTED,
  /** ICE lost the peer for now. */
  DISCONNECTED,
  /** ICE or DTLS failed. */
  FAILED,
  /** The peer connection was closed. */
  CLOSED
}
