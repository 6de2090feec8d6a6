package org.rtc4j.dtls;

import java.security.cert.X509Certificate;

/** What a {@link DtlsEndpoint} tells its owner, polled from {@link DtlsEndpoint#pollEvent()}. */
public sealed interface DtlsEvent {

  /**
   * The handshake finished: keys are in place and application data may flow.
   *
   * @param cipherSuite the negotiated suite
   * @param srtpProfile the SRTP profile agreed by use_srtp, or {@code null} when none was
   * @param peerCertificate the certificate the peer proved it holds, checked against its
   *     fingerprint
   */
  record Connected(
      CipherSuite cipherSuite, SrtpProfile srtpProfile, X509Certificate peerCertificate)
      implements DtlsEvent {}

  /**
   * Application data from the peer.
   *
   * @param data the record's plaintext, owned by the receiver
   */
  record ApplicationData(byte[] data) implements DtlsEvent {}

  /** The peer closed the connection with close_notify; we answered with ours. */
  record Closed() implements DtlsEvent {}

  /**
   * The connection failed: a fatal alert was sent or received, or the handshake timed out.
   *
   * @param alert the alert description (RFC 5246 §7.2), or -1 when no alert was involved
   * @param sent whether we sent the alert (otherwise the peer did)
   * @param reason what went wrong, for people
   */
  record Failed(int alert, boolean sent, String reason) implements DtlsEvent {}
}
