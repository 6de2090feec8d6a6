package org.rtc4j.ice;

/** The four kinds of ICE candidate (RFC 8445 §5.1.1) and their SDP names (RFC 8839 §5.1). */
public enum CandidateType {
  /** A transport address on a local interface. */
  HOST("host", 126),
  /**
   * Learned from the other side's checks: the address its request came from (RFC 8445 §7.3.1.3).
   */
  PEER_REFLEXIVE("prflx", 110),
  /** The address a NAT maps us to, learned from a STUN server. */
  SERVER_REFLEXIVE("srflx", 100),
  /** An address on a TURN server that relays for us. */
  RELAY("relay", 0);

  private final String sdpName;
  private final int typePreference;

  CandidateType(String sdpName, int typePreference) {
    this.sdpName = sdpName;
    this.typePreference = typePreference;
  }

  /** The name in an {@code a=candidate} line: host, prflx, srflx or relay. */
  public String sdpName() {
    return sdpName;
  }

  /** The type preference RFC 8445 §5.1.2.2 recommends: 126, 110, 100, 0. */
  public int typePreference() {
    return typePreference;
  }

  /**
   * A candidate's priority (RFC 8445 §5.1.2.1): {@code 2^24 * type preference + 2^8 * local
   * preference + (256 - component)}.
   *
   * @param localPreference 0..65535; 65535 for the only interface of a single-homed host
   * @param component the component id, 1..256 (1 for RTP, which with rtcp-mux is all there is)
   * @throws IllegalArgumentException if an argument is out of range
   */
  public long priority(int localPreference, int component) {
    if (localPreference < 0 || localPreference > 0xFFFF || component < 1 || component > 256) {
      throw new IllegalArgumentException(
          "local preference 0..65535 and component 1..256: " + localPreference + ", " + component);
    }
    return ((long) typePreference << 24) | ((long) localPreference << 8) | (256 - component);
  }

  /** The type named {@code name} in SDP, or null. */
  static CandidateType fromSdpName(String name) {
    for (CandidateType t : values()) {
      if (t.sdpName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
