/**
 * WebRTC data channels (RFC 8831) and the Data Channel Establishment Protocol (RFC 8832), sans-I/O,
 * over the streams of an SCTP association.
 */
module org.rtc4j.datachannel {
  requires transitive org.rtc4j.sctp;

  exports org.rtc4j.datachannel;
}
