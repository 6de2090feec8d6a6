package org.rtc4j;

import java.util.Objects;

/**
 * An ICE candidate as trickle ICE signals it (W3C {@code RTCIceCandidateInit}, RFC 8838 §4).
 *
 * @param candidate the attribute value {@code candidate:...}, or {@code ""} for end-of-candidates
 * @param sdpMid the mid of the m-section it belongs to, or null
 * @param sdpMLineIndex the index of that m-section, or -1 when not given
 * @param usernameFragment the ICE ufrag of the generation it belongs to, or null
 */
public record RTCIceCandidate(
    String candidate, String sdpMid, int sdpMLineIndex, String usernameFragment) {

  /**
   * @throws NullPointerException if {@code candidate} is null
   * @throws IllegalArgumentException if neither {@code sdpMid} nor {@code sdpMLineIndex} is given
   */
  public RTCIceCandidate {
    Objects.requireNonNull(candidate, "candidate");
    if (sdpMid == null && sdpMLineIndex < 0) {
      throw new IllegalArgumentException("a candidate needs an sdpMid or an sdpMLineIndex");
    }
  }

  /** A candidate for the m-section {@code sdpMid}, of any generation. */
  public static RTCIceCandidate of(String candidate, String sdpMid) {
    return new RTCIceCandidate(candidate, sdpMid, -1, null);
  }

  /** Whether this is the end-of-candidates indication (an empty candidate). */
  public boolean isEndOfCandidates() {
    return candidate.isEmpty();
  }
}
