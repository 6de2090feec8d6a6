package org.rtc4j.dtls;

/**
 * Thrown inside the handshake when it must stop with a fatal alert; the endpoint catches it, sends
 * the alert and fails. Never leaves the endpoint.
 */
final class HandshakeFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final int alert;

  HandshakeFailure(int alert, String reason) {
    super(reason, null, false, false);
    this.alert = alert;
  }

  int alert() {
    return alert;
  }
}
