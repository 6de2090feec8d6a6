package org.rtc4j.dtls;

/** Where a {@link DtlsEndpoint} is, in the words of the W3C RTCDtlsTransportState. */
public enum DtlsState {
  /** Created; a client has not started its handshake yet. */
  NEW,
  /** The handshake is under way. */
  CONNECTING,
  /** The handshake finished; application data flows. */
  CONNECTED,
  /** Closed by close_notify, from either side. */
  CLOSED,
  /** Failed: a fatal alert, a bad certificate or a handshake timeout. */
  FAILED
}
