/**
 * DTLS 1.2 (RFC 6347), sans-I/O, on JCA crypto: client and server handshakes with cookies,
 * fragmentation and retransmission; ECDHE with ECDSA or RSA certificates and AEAD record
 * protection; use_srtp (RFC 5764), extended master secret (RFC 7627), the keying material exporter
 * (RFC 5705); self-signed certificates and their fingerprints.
 */
module org.rtc4j.dtls {
  requires transitive org.rtc4j.common;

  exports org.rtc4j.dtls;
}
