package org.rtc4j.dtls.handshake;

/** Numbers of the hello extensions rtc4j sends or looks at (IANA "ExtensionType Values"). */
public final class ExtensionType {
  /** 0: server_name (RFC 6066 §3). */
  public static final int SERVER_NAME = 0;

  /** 10: supported_groups, formerly elliptic_curves (RFC 8422 §5.1.1). */
  public static final int SUPPORTED_GROUPS = 10;

  /** 11: ec_point_formats (RFC 8422 §5.1.2). */
  public static final int EC_POINT_FORMATS = 11;

  /** 13: signature_algorithms (RFC 5246 §7.4.1.4.1). */
  public static final int SIGNATURE_ALGORITHMS = 13;

  /** 14: use_srtp (RFC 5764 §4.1.1). */
  public static final int USE_SRTP = 14;

  /** 16: application_layer_protocol_negotiation (RFC 7301 §3.1). */
  public static final int ALPN = 16;

  /** 23: extended_master_secret (RFC 7627 §5.1). */
  public static final int EXTENDED_MASTER_SECRET = 23;

  /** 35: session_ticket (RFC 5077 §3.2). */
  public static final int SESSION_TICKET = 35;

  /** 43: supported_versions (RFC 8446 §4.2.1), which a DTLS 1.3 client sends. */
  public static final int SUPPORTED_VERSIONS = 43;

  /** 51: key_share (RFC 8446 §4.2.8), which a DTLS 1.3 client sends. */
  public static final int KEY_SHARE = 51;

  /** 0xFF01: renegotiation_info (RFC 5746 §3.2). */
  public static final int RENEGOTIATION_INFO = 0xFF01;

  private ExtensionType() {}

  /** The extension's name in its RFC, or its number for one not listed here. */
  public static String name(int type) {
    return switch (type) {
      case SERVER_NAME -> "server_name";
      case SUPPORTED_GROUPS -> "supported_groups";
      case EC_POINT_FORMATS -> "ec_point_formats";
      case SIGNATURE_ALGORITHMS -> "signature_algorithms";
      case USE_SRTP -> "use_srtp";
      case ALPN -> "application_layer_protocol_negotiation";
      case EXTENDED_MASTER_SECRET -> "extended_master_secret";
      case SESSION_TICKET -> "session_ticket";
      case SUPPORTED_VERSIONS -> "supported_versions";
      case KEY_SHARE -> "key_share";
      case RENEGOTIATION_INFO -> "renegotiation_info";
      default -> "extension " + type;
    };
  }
}
