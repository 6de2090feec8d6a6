package org.rtc4j.sctp;

/** Where an association is in its life (RFC 9260 §4, simplified to what a user can act on). */
public enum SctpState {
  /** Not connected: before {@code connect}, and after the end. */
  CLOSED,
  /** INIT sent, waiting for INIT-ACK (RFC 9260 COOKIE-WAIT). */
  COOKIE_WAIT,
  /** COOKIE-ECHO sent, waiting for COOKIE-ACK (RFC 9260 COOKIE-ECHOED). */
  COOKIE_ECHOED,
  /** Established: messages flow. */
  ESTABLISHED,
  /**
   * Graceful shutdown in progress, one of RFC 9260's SHUTDOWN-PENDING, -SENT, -RECEIVED, -ACK-SENT.
   */
  SHUTTING_DOWN
}
