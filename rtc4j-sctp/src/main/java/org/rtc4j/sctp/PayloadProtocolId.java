package org.rtc4j.sctp;

/**
 * The Payload Protocol Identifiers WebRTC data channels use (RFC 8831 §8, IANA's SCTP PPID
 * registry), carried with each message. An empty message cannot be sent in SCTP, so WebRTC sends
 * one zero byte under the "empty" identifiers (RFC 8831 §6.6).
 */
public final class PayloadProtocolId {
  /** The Data Channel Establishment Protocol's messages (RFC 8832). */
  public static final int DCEP = 50;

  /** A UTF-8 string message. */
  public static final int STRING = 51;

  /** A binary message. */
  public static final int BINARY = 53;

  /** An empty string message: one byte, to be ignored. */
  public static final int STRING_EMPTY = 56;

  /** An empty binary message: one byte, to be ignored. */
  public static final int BINARY_EMPTY = 57;

  private PayloadProtocolId() {}
}
