package org.rtc4j;

/** Where gathering of local candidates is (W3C {@code RTCIceGatheringState}). */
public enum IceGatheringState {
  /** Nothing gathered yet: no local description was applied. */
  NEW,
  /** Candidates are being gathered. */
  GATHERING,
  /** Gathering is done; end-of-candidates was signaled. */
  COMPLETE
}
