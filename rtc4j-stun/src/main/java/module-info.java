/**
 * STUN (RFC 8489): the message codec with every attribute ICE and TURN need, MESSAGE-INTEGRITY,
 * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, short- and long-term credentials, and a sans-I/O client
 * transaction with RFC 8489 retransmission timing.
 */
module org.rtc4j.stun {
  requires transitive org.rtc4j.common;

  exports org.rtc4j.stun;
  exports org.rtc4j.stun.attributes;
}
