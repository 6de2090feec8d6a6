/**
 * ICE (RFC 8445), sans-I/O: candidates and their SDP form (RFC 8839), priorities and foundations.
 * The agent, trickle (RFC 8838), consent (RFC 7675), ICE-lite and mDNS follow.
 */
module org.rtc4j.ice {
  requires transitive org.rtc4j.stun;

  exports org.rtc4j.ice;
}
