/**
 * SCTP (RFC 9260) as WebRTC runs it over DTLS (RFC 8261), sans-I/O: an association takes packets
 * and time in and hands packets, events and its next deadline out.
 */
module org.rtc4j.sctp {
  requires transitive org.rtc4j.common;

  exports org.rtc4j.sctp;
}
