package org.rtc4j.dtls;

/** Why a {@link DtlsEndpoint} dropped a datagram or record it received. */
public enum DtlsDrop {
  /** Not a DTLS record, or a record cut short. */
  MALFORMED_RECORD,
  /** A record of a content type DTLS 1.2 does not define. */
  UNKNOWN_CONTENT_TYPE,
  /** A record from an epoch we have no keys for, or a stale one. */
  WRONG_EPOCH,
  /** A protected record that failed authentication (tampered, or not for us). */
  BAD_RECORD_MAC,
  /** A record whose sequence number was seen before or is behind the replay window. */
  REPLAYED,
  /** A handshake fragment that does not parse or contradicts earlier fragments. */
  MALFORMED_HANDSHAKE,
  /** A handshake message already processed (the peer retransmitted). */
  DUPLICATE_HANDSHAKE,
  /** A handshake message or record the current state does not expect. */
  UNEXPECTED_MESSAGE,
  /** An alert that does not parse, or an unauthenticated one we ignore. */
  IGNORED_ALERT,
  /** Held records beyond the bound, or records held when the endpoint failed. */
  HELD_OVERFLOW,
  /** Anything that arrived after the connection closed or failed. */
  AFTER_CLOSE
}
