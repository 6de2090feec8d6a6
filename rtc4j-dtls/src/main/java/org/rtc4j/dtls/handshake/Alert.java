package org.rtc4j.dtls.handshake;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * An alert (RFC 5246 §7.2): the body of a record of content type alert(21), a level and a
 * description.
 *
 * <pre>
 * struct {
 *   AlertLevel level;                 // u8: warning(1), fatal(2)
 *   AlertDescription description;     // u8
 * } Alert;
 * </pre>
 *
 * Any level and description parse; the receiver decides what an unknown one means. RFC 5246 §7.2
 * leaves an unknown level open; {@link #isFatal()} counts it as fatal, as RFC 8446 §6 does for
 * unknown alerts.
 *
 * @param level {@link #WARNING} or {@link #FATAL}, or another u8
 * @param description one of the description constants, or another u8
 */
public record Alert(int level, int description) {
  /** Bytes of an alert. */
  public static final int LENGTH = 2;

  /** AlertLevel warning. */
  public static final int WARNING = 1;

  /** AlertLevel fatal. */
  public static final int FATAL = 2;

  /** close_notify: the sender will send no more (RFC 5246 §7.2.1). */
  public static final int CLOSE_NOTIFY = 0;

  /** unexpected_message. */
  public static final int UNEXPECTED_MESSAGE = 10;

  /** bad_record_mac. */
  public static final int BAD_RECORD_MAC = 20;

  /** decryption_failed_RESERVED, never to be sent. */
  public static final int DECRYPTION_FAILED = 21;

  /** record_overflow. */
  public static final int RECORD_OVERFLOW = 22;

  /** decompression_failure. */
  public static final int DECOMPRESSION_FAILURE = 30;

  /** handshake_failure. */
  public static final int HANDSHAKE_FAILURE = 40;

  /** no_certificate_RESERVED, SSL 3.0 only. */
  public static final int NO_CERTIFICATE = 41;

  /** bad_certificate. */
  public static final int BAD_CERTIFICATE = 42;

  /** unsupported_certificate. */
  public static final int UNSUPPORTED_CERTIFICATE = 43;

  /** certificate_revoked. */
  public static final int CERTIFICATE_REVOKED = 44;

  /** certificate_expired. */
  public static final int CERTIFICATE_EXPIRED = 45;

  /** certificate_unknown. */
  public static final int CERTIFICATE_UNKNOWN = 46;

  /** illegal_parameter. */
  public static final int ILLEGAL_PARAMETER = 47;

  /** unknown_ca. */
  public static final int UNKNOWN_CA = 48;

  /** access_denied. */
  public static final int ACCESS_DENIED = 49;

  /** decode_error. */
  public static final int DECODE_ERROR = 50;

  /** decrypt_error. */
  public static final int DECRYPT_ERROR = 51;

  /** export_restriction_RESERVED. */
  public static final int EXPORT_RESTRICTION = 60;

  /** protocol_version. */
  public static final int PROTOCOL_VERSION = 70;

  /** insufficient_security. */
  public static final int INSUFFICIENT_SECURITY = 71;

  /** internal_error. */
  public static final int INTERNAL_ERROR = 80;

  /** inappropriate_fallback (RFC 7507 §2). */
  public static final int INAPPROPRIATE_FALLBACK = 86;

  /** user_canceled. */
  public static final int USER_CANCELED = 90;

  /** no_renegotiation. */
  public static final int NO_RENEGOTIATION = 100;

  /** missing_extension (RFC 8446 §6.2). */
  public static final int MISSING_EXTENSION = 109;

  /** unsupported_extension. */
  public static final int UNSUPPORTED_EXTENSION = 110;

  /** unrecognized_name (RFC 6066 §3). */
  public static final int UNRECOGNIZED_NAME = 112;

  /** no_application_protocol (RFC 7301 §3.2). */
  public static final int NO_APPLICATION_PROTOCOL = 120;

  /**
   * @throws IllegalArgumentException if the level or description does not fit 8 bits
   */
  public Alert {
    Vectors.checkU8(level, "level");
    Vectors.checkU8(description, "description");
  }

  /** A fatal alert. */
  public static Alert fatal(int description) {
    return new Alert(FATAL, description);
  }

  /** A warning alert. */
  public static Alert warning(int description) {
    return new Alert(WARNING, description);
  }

  /** Whether the alert ends the connection: any level but warning. */
  public boolean isFatal() {
    return level != WARNING;
  }

  /**
   * Parses an alert from {@code b[off, off + len)}, which must be exactly 2 bytes.
   *
   * @throws ParseException if {@code len} is not 2
   * @throws IndexOutOfBoundsException if the region lies outside {@code b} (a caller's bug)
   */
  public static Alert parse(byte[] b, int off, int len) throws ParseException {
    ByteReader r = new ByteReader(b, off, len);
    if (len != LENGTH) {
      throw new ParseException("alert of " + len + " bytes, not 2", 0);
    }
    return new Alert(r.u8(), r.u8());
  }

  /** The two bytes. */
  public byte[] encode() {
    return new byte[] {(byte) level, (byte) description};
  }

  /** The description's name in its RFC, e.g. {@code "handshake_failure"}. */
  public static String describe(int description) {
    return switch (description) {
      case CLOSE_NOTIFY -> "close_notify";
      case UNEXPECTED_MESSAGE -> "unexpected_message";
      case BAD_RECORD_MAC -> "bad_record_mac";
      case DECRYPTION_FAILED -> "decryption_failed_RESERVED";
      case RECORD_OVERFLOW -> "record_overflow";
      case DECOMPRESSION_FAILURE -> "decompression_failure";
      case HANDSHAKE_FAILURE -> "handshake_failure";
      case NO_CERTIFICATE -> "no_certificate_RESERVED";
      case BAD_CERTIFICATE -> "bad_certificate";
      case UNSUPPORTED_CERTIFICATE -> "unsupported_certificate";
      case CERTIFICATE_REVOKED -> "certificate_revoked";
      case CERTIFICATE_EXPIRED -> "certificate_expired";
      case CERTIFICATE_UNKNOWN -> "certificate_unknown";
      case ILLEGAL_PARAMETER -> "illegal_parameter";
      case UNKNOWN_CA -> "unknown_ca";
      case ACCESS_DENIED -> "access_denied";
      case DECODE_ERROR -> "decode_error";
      case DECRYPT_ERROR -> "decrypt_error";
      case EXPORT_RESTRICTION -> "export_restriction_RESERVED";
      case PROTOCOL_VERSION -> "protocol_version";
      case INSUFFICIENT_SECURITY -> "insufficient_security";
      case INTERNAL_ERROR -> "internal_error";
      case INAPPROPRIATE_FALLBACK -> "inappropriate_fallback";
      case USER_CANCELED -> "user_canceled";
      case NO_RENEGOTIATION -> "no_renegotiation";
      case MISSING_EXTENSION -> "missing_extension";
      case UNSUPPORTED_EXTENSION -> "unsupported_extension";
      case UNRECOGNIZED_NAME -> "unrecognized_name";
      case NO_APPLICATION_PROTOCOL -> "no_application_protocol";
      default -> "alert " + description;
    };
  }

  @Override
  public String toString() {
    String name =
        switch (level) {
          case WARNING -> "warning";
          case FATAL -> "fatal";
          default -> "level " + level;
        };
    return "Alert[" + name + " " + describe(description) + "]";
  }
}
