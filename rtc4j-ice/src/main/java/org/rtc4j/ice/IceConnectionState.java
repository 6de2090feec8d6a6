package org.rtc4j.ice;

/** The agent's connection state, as W3C's {@code RTCIceConnectionState} names them. */
public enum IceConnectionState {
  /** Not checking yet: no remote credentials or candidates. */
  NEW,
  /** Checks are running; no pair works yet. */
  CHECKING,
  /** A pair works; checks may go on, or nomination is not done. */
  CONNECTED,
  /** A pair is nominated and selected: checks are done. */
  COMPLETED,
  /** Every pair failed after the last remote candidate, or consent was lost for good. */
  FAILED,
  /** The selected pair stopped answering consent checks; it may come back. */
  DISCONNECTED,
  /** The agent was closed. */
  CLOSED
}
