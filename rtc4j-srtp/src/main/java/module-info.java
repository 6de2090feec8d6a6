/**
 * SRTP and SRTCP (RFC 3711, RFC 7714) for the four DTLS-SRTP profiles: per-SSRC contexts, key
 * derivation, rollover counter estimation and replay windows, protecting and unprotecting in place.
 */
module org.rtc4j.srtp {
  requires transitive org.rtc4j.dtls;

  exports org.rtc4j.srtp;
}
