package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * An error cause in an ABORT or ERROR chunk (RFC 9260 §3.3.10): a 16-bit code, a 16-bit length that
 * counts the 4-byte header and the cause-specific information, then zero padding to a multiple of 4
 * bytes.
 *
 * <p>Causes are immutable values. Codes this layer knows parse into their own classes; any other
 * code becomes an {@link UnknownCause}, kept as is.
 */
public sealed interface ErrorCause
    permits InvalidStreamIdentifierCause,
        MissingMandatoryParameterCause,
        StaleCookieCause,
        OutOfResourceCause,
        UnrecognizedChunkTypeCause,
        InvalidMandatoryParameterCause,
        UnrecognizedParametersCause,
        NoUserDataCause,
        CookieReceivedWhileShuttingDownCause,
        UserInitiatedAbortCause,
        ProtocolViolationCause,
        UnknownCause {
  /** The cause header: code and length. */
  int HEADER_LENGTH = Tlv.HEADER_LENGTH;

  /** The cause code (16 bits). */
  int code();

  /** What the Cause Length field says: header and information, without the trailing padding. */
  int serializedLength();

  /** Writes header, information and the zero padding to a multiple of 4 bytes. */
  void writeTo(ByteWriter out);

  /**
   * Reads one error cause and its padding; the last cause of a chunk may come without its padding,
   * as a parameter may. Offsets in the exception count from the start of {@code in}'s region.
   *
   * @throws ParseException if the cause is truncated, runs past {@code in}, or its information is
   *     malformed for its code
   */
  static ErrorCause parse(ByteReader in) throws ParseException {
    int start = in.position();
    if (in.remaining() < HEADER_LENGTH) {
      throw new ParseException(
          "error cause header needs 4 bytes, " + in.remaining() + " left", in.position());
    }
    int code = in.u16();
    int length = in.u16();
    if (length < HEADER_LENGTH) {
      throw new ParseException("error cause length " + length + " is below 4", start + 2);
    }
    int valueStart = in.position();
    if (length - HEADER_LENGTH > in.remaining()) {
      throw new ParseException(
          "error cause " + code + " of length " + length + " runs past its chunk", start + 2);
    }
    ByteReader value = in.slice(length - HEADER_LENGTH);
    in.skip(Math.min(Tlv.padding(length), in.remaining()));
    try {
      return parseValue(code, value);
    } catch (ParseException e) {
      throw new ParseException(e.reason(), valueStart + e.offset());
    }
  }

  private static ErrorCause parseValue(int code, ByteReader value) throws ParseException {
    return switch (code) {
      case InvalidStreamIdentifierCause.CODE -> InvalidStreamIdentifierCause.parseValue(value);
      case MissingMandatoryParameterCause.CODE -> MissingMandatoryParameterCause.parseValue(value);
      case StaleCookieCause.CODE -> StaleCookieCause.parseValue(value);
      case OutOfResourceCause.CODE -> OutOfResourceCause.parseValue(value);
      case UnrecognizedChunkTypeCause.CODE -> UnrecognizedChunkTypeCause.parseValue(value);
      case InvalidMandatoryParameterCause.CODE -> InvalidMandatoryParameterCause.parseValue(value);
      case UnrecognizedParametersCause.CODE -> UnrecognizedParametersCause.parseValue(value);
      case NoUserDataCause.CODE -> NoUserDataCause.parseValue(value);
      case CookieReceivedWhileShuttingDownCause.CODE ->
          CookieReceivedWhileShuttingDownCause.parseValue(value);
      case UserInitiatedAbortCause.CODE -> UserInitiatedAbortCause.parseValue(value);
      case ProtocolViolationCause.CODE -> ProtocolViolationCause.parseValue(value);
      default -> new UnknownCause(code, value.bytes(value.remaining()));
    };
  }

  /** Whether this layer parses causes with {@code code} into their own class. */
  static boolean isKnownCode(int code) {
    return switch (code) {
      case InvalidStreamIdentifierCause.CODE,
          MissingMandatoryParameterCause.CODE,
          StaleCookieCause.CODE,
          OutOfResourceCause.CODE,
          UnrecognizedChunkTypeCause.CODE,
          InvalidMandatoryParameterCause.CODE,
          UnrecognizedParametersCause.CODE,
          NoUserDataCause.CODE,
          CookieReceivedWhileShuttingDownCause.CODE,
          UserInitiatedAbortCause.CODE,
          ProtocolViolationCause.CODE ->
          true;
      default -> false;
    };
  }
}
