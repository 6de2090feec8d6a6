/**
 * RTCPeerConnection and the W3C-shaped API over the rtc4j protocol modules, and the demultiplexer
 * (RFC 7983) that routes what arrives on a transport to STUN, DTLS or SRTP.
 */
module org.rtc4j {
  requires transitive org.rtc4j.common;

  exports org.rtc4j;
}
