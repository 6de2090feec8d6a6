package org.rtc4j;

/** Which candidates ICE may use (W3C {@code RTCIceTransportPolicy}). */
public enum IceTransportPolicy {
  /** Every kind of candidate. */
  ALL,
  /** Only relayed candidates, through TURN. */
  RELAY
}
