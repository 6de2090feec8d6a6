package org.rtc4j.dtls.handshake;

/** The handshake message types of DTLS 1.2 (RFC 5246 §7.4, RFC 6347 §4.2.1). */
public enum HandshakeType {
  /** 0: hello_request, a server's request to renegotiate (which rtc4j refuses). */
  HELLO_REQUEST(0),
  /** 1: client_hello. */
  CLIENT_HELLO(1),
  /** 2: server_hello. */
  SERVER_HELLO(2),
  /** 3: hello_verify_request, the server's cookie (RFC 6347 §4.2.1). */
  HELLO_VERIFY_REQUEST(3),
  /** 11: certificate. */
  CERTIFICATE(11),
  /** 12: server_key_exchange. */
  SERVER_KEY_EXCHANGE(12),
  /** 13: certificate_request. */
  CERTIFICATE_REQUEST(13),
  /** 14: server_hello_done. */
  SERVER_HELLO_DONE(14),
  /** 15: certificate_verify. */
  CERTIFICATE_VERIFY(15),
  /** 16: client_key_exchange. */
  CLIENT_KEY_EXCHANGE(16),
  /** 20: finished. */
  FINISHED(20);

  private final int code;

  HandshakeType(int code) {
    this.code = code;
  }

  /** The type's number in the handshake header. */
  public int code() {
    return code;
  }

  /** The type with this number, or {@code null} for one DTLS 1.2 does not define. */
  public static HandshakeType fromCode(int code) {
    for (HandshakeType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}
