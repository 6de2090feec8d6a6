package org.rtc4j.stun.attributes;

import java.nio.charset.StandardCharsets;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.stun.TransactionId;

/**
 * ERROR-CODE (RFC 8489 §14.8): why a request failed.
 *
 * @param code the error code, 300 to 699
 * @param reason the reason phrase, at most 763 bytes of UTF-8 (may be empty)
 */
public record ErrorCode(int code, String reason) implements StunAttribute {
  /** 300 Try Alternate. */
  public static final int TRY_ALTERNATE = 300;

  /** 400 Bad Request. */
  public static final int BAD_REQUEST = 400;

  /** 401 Unauthenticated. */
  public static final int UNAUTHENTICATED = 401;

  /** 403 Forbidden (TURN). */
  public static final int FORBIDDEN = 403;

  /** 420 Unknown Attribute. */
  public static final int UNKNOWN_ATTRIBUTE = 420;

  /** 437 Allocation Mismatch (TURN). */
  public static final int ALLOCATION_MISMATCH = 437;

  /** 438 Stale Nonce. */
  public static final int STALE_NONCE = 438;

  /** 440 Address Family not Supported (TURN). */
  public static final int ADDRESS_FAMILY_NOT_SUPPORTED = 440;

  /** 441 Wrong Credentials (TURN). */
  public static final int WRONG_CREDENTIALS = 441;

  /** 442 Unsupported Transport Protocol (TURN). */
  public static final int UNSUPPORTED_TRANSPORT_PROTOCOL = 442;

  /** 443 Peer Address Family Mismatch (TURN). */
  public static final int PEER_ADDRESS_FAMILY_MISMATCH = 443;

  /** 486 Allocation Quota Reached (TURN). */
  public static final int ALLOCATION_QUOTA_REACHED = 486;

  /** 487 Role Conflict (ICE, RFC 8445 §7.3.1.1). */
  public static final int ROLE_CONFLICT = 487;

  /** 500 Server Error. */
  public static final int SERVER_ERROR = 500;

  /** 508 Insufficient Capacity (TURN). */
  public static final int INSUFFICIENT_CAPACITY = 508;

  /**
   * @throws IllegalArgumentException if the code is outside 300..699 or the reason is too long
   */
  public ErrorCode {
    if (code < 300 || code > 699) {
      throw new IllegalArgumentException("STUN error codes are 300..699: " + code);
    }
    TextAttribute.check(reason, 763, "reason");
  }

  /** An error with the RFC's reason phrase for {@code code}. */
  public static ErrorCode of(int code) {
    return new ErrorCode(code, defaultReason(code));
  }

  /** The reason phrase the RFCs suggest for {@code code}, or "Error". */
  public static String defaultReason(int code) {
    return switch (code) {
      case TRY_ALTERNATE -> "Try Alternate";
      case BAD_REQUEST -> "Bad Request";
      case UNAUTHENTICATED -> "Unauthenticated";
      case FORBIDDEN -> "Forbidden";
      case UNKNOWN_ATTRIBUTE -> "Unknown Attribute";
      case ALLOCATION_MISMATCH -> "Allocation Mismatch";
      case STALE_NONCE -> "Stale Nonce";
      case ADDRESS_FAMILY_NOT_SUPPORTED -> "Address Family not Supported";
      case WRONG_CREDENTIALS -> "Wrong Credentials";
      case UNSUPPORTED_TRANSPORT_PROTOCOL -> "Unsupported Transport Protocol";
      case PEER_ADDRESS_FAMILY_MISMATCH -> "Peer Address Family Mismatch";
      case ALLOCATION_QUOTA_REACHED -> "Allocation Quota Reached";
      case ROLE_CONFLICT -> "Role Conflict";
      case SERVER_ERROR -> "Server Error";
      case INSUFFICIENT_CAPACITY -> "Insufficient Capacity";
      default -> "Error";
    };
  }

  @Override
  public int type() {
    return AttributeType.ERROR_CODE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u16(0).u8(code / 100).u8(code % 100).bytes(reason.getBytes(StandardCharsets.UTF_8));
  }

  static ErrorCode decode(ByteReader value) throws ParseException {
    value.require(4, "ERROR-CODE");
    value.u16(); // reserved
    int errorClass = value.u8() & 0x07;
    int number = value.u8();
    if (errorClass < 3 || errorClass > 6 || number > 99) {
      throw new ParseException("bad error class " + errorClass + " number " + number, 2);
    }
    // A peer's over-long or malformed reason phrase is cut rather than rejected. Malformed
    // UTF-8 decodes to U+FFFD (3 bytes each), so the decoded text may need cutting again;
    // 254 characters of at most 3 bytes always fit in 763.
    byte[] raw = value.bytes(value.remaining());
    String reason = new String(raw, 0, Math.min(raw.length, 763), StandardCharsets.UTF_8);
    if (reason.getBytes(StandardCharsets.UTF_8).length > 763) {
      reason = reason.substring(0, Math.min(reason.length(), 254));
    }
    return new ErrorCode(errorClass * 100 + number, reason);
  }
}
