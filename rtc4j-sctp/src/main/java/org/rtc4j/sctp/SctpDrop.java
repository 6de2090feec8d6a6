package org.rtc4j.sctp;

/** Why an association dropped part of what it received; counted in {@code drops()}. */
public enum SctpDrop {
  /** The packet did not parse (bad lengths, a bad chunk, or a wrong checksum). */
  MALFORMED,
  /** The packet was for another port pair. */
  WRONG_PORT,
  /** The verification tag was not ours (RFC 9260 §8.5). */
  WRONG_VERIFICATION_TAG,
  /** A chunk that makes no sense in the current state (for example DATA before the handshake). */
  UNEXPECTED_CHUNK,
  /** A state cookie that was forged, damaged or too old (RFC 9260 §5.1.5). */
  BAD_COOKIE,
  /** DATA or I-DATA whose TSN is too far ahead of what we acknowledged. */
  TSN_OUT_OF_WINDOW,
  /** DATA or I-DATA that did not fit in the receive buffer: not acknowledged, so resent later. */
  RECEIVE_BUFFER_FULL,
  /** DATA when I-DATA was negotiated, or the reverse (RFC 8260 §2.1). */
  WRONG_DATA_CHUNK_TYPE,
  /** A chunk of a type we do not know, skipped as its type's high bits ask (RFC 9260 §3.2). */
  UNKNOWN_CHUNK,
  /** A stream reset request that could not be honoured. */
  BAD_RECONFIG
}
