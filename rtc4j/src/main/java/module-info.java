/**
 * RTCPeerConnection and the W3C-shaped API over the rtc4j protocol modules, and the demultiplexer
 * (RFC 7983) that routes what arrives on a transport to STUN, DTLS or SRTP.
 */
module org.rtc4j {
  requires transitive org.rtc4j.common;
  requires transitive org.rtc4j.ice;
  requires transitive org.rtc4j.dtls;
  requires transitive org.rtc4j.sctp;
  requires transitive org.rtc4j.datachannel;
  requires transitive org.rtc4j.sdp;

  exports org.rtc4j;
}
