package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A parameter inside a chunk (RFC 9260 §3.2.1): a 16-bit type, a 16-bit length that counts the
 * 4-byte header and the value, then zero padding to a multiple of 4 bytes.
 *
 * <p>Parameters are immutable values. Types this layer knows parse into their own records; any
 * other type becomes an {@link UnknownParameter}, kept as is.
 */
public sealed interface Parameter
    permits HeartbeatInfoParameter,
        StateCookieParameter,
        UnrecognizedParameterParameter,
        SupportedExtensionsParameter,
        ForwardTsnSupportedParameter,
        ZeroChecksumAcceptableParameter,
        OutgoingSsnResetRequestParameter,
        IncomingSsnResetRequestParameter,
        SsnTsnResetRequestParameter,
        ReconfigurationResponseParameter,
        AddOutgoingStreamsRequestParameter,
        AddIncomingStreamsRequestParameter,
        UnknownParameter {
  /** The parameter header: type and length. */
  int HEADER_LENGTH = Tlv.HEADER_LENGTH;

  /** The parameter type (16 bits). */
  int type();

  /** What the Parameter Length field says: header and value, without the trailing padding. */
  int serializedLength();

  /** Writes header, value and the zero padding to a multiple of 4 bytes. */
  void writeTo(ByteWriter out);

  /** The parameter as written by {@link #writeTo}, padding included. */
  default byte[] toBytes() {
    int length = Tlv.padded(serializedLength());
    ByteWriter out = ByteWriter.into(new byte[length], 0, length);
    writeTo(out);
    return out.array();
  }

  /**
   * Reads one parameter and its padding. The last parameter of a chunk may come without its padding
   * (RFC 9260 §3.2: the chunk length does not count it), so padding is skipped only as far as
   * {@code in} goes. Offsets in the exception count from the start of {@code in}'s region.
   *
   * @throws ParseException if the parameter is truncated, runs past {@code in}, or its value is
   *     malformed for its type
   */
  static Parameter parse(ByteReader in) throws ParseException {
    int start = in.position();
    if (in.remaining() < HEADER_LENGTH) {
      throw new ParseException(
          "parameter header needs 4 bytes, " + in.remaining() + " left", in.position());
    }
    int type = in.u16();
    int length = in.u16();
    if (length < HEADER_LENGTH) {
      throw new ParseException("parameter length " + length + " is below 4", start + 2);
    }
    int valueStart = in.position();
    if (length - HEADER_LENGTH > in.remaining()) {
      throw new ParseException(
          "parameter of type " + type + " and length " + length + " runs past its chunk",
          start + 2);
    }
    ByteReader value = in.slice(length - HEADER_LENGTH);
    in.skip(Math.min(Tlv.padding(length), in.remaining()));
    try {
      return parseValue(type, value);
    } catch (ParseException e) {
      throw new ParseException(e.reason(), valueStart + e.offset());
    }
  }

  private static Parameter parseValue(int type, ByteReader value) throws ParseException {
    return switch (type) {
      case HeartbeatInfoParameter.TYPE -> HeartbeatInfoParameter.parseValue(value);
      case StateCookieParameter.TYPE -> StateCookieParameter.parseValue(value);
      case UnrecognizedParameterParameter.TYPE -> UnrecognizedParameterParameter.parseValue(value);
      case SupportedExtensionsParameter.TYPE -> SupportedExtensionsParameter.parseValue(value);
      case ForwardTsnSupportedParameter.TYPE -> ForwardTsnSupportedParameter.parseValue(value);
      case ZeroChecksumAcceptableParameter.TYPE ->
          ZeroChecksumAcceptableParameter.parseValue(value);
      case OutgoingSsnResetRequestParameter.TYPE ->
          OutgoingSsnResetRequestParameter.parseValue(value);
      case IncomingSsnResetRequestParameter.TYPE ->
          IncomingSsnResetRequestParameter.parseValue(value);
      case SsnTsnResetRequestParameter.TYPE -> SsnTsnResetRequestParameter.parseValue(value);
      case ReconfigurationResponseParameter.TYPE ->
          ReconfigurationResponseParameter.parseValue(value);
      case AddOutgoingStreamsRequestParameter.TYPE ->
          AddOutgoingStreamsRequestParameter.parseValue(value);
      case AddIncomingStreamsRequestParameter.TYPE ->
          AddIncomingStreamsRequestParameter.parseValue(value);
      default -> new UnknownParameter(type, value.bytes(value.remaining()));
    };
  }

  /** Whether this layer parses parameters of {@code type} into their own record. */
  static boolean isKnownType(int type) {
    return switch (type) {
      case HeartbeatInfoParameter.TYPE,
          StateCookieParameter.TYPE,
          UnrecognizedParameterParameter.TYPE,
          SupportedExtensionsParameter.TYPE,
          ForwardTsnSupportedParameter.TYPE,
          ZeroChecksumAcceptableParameter.TYPE,
          OutgoingSsnResetRequestParameter.TYPE,
          IncomingSsnResetRequestParameter.TYPE,
          SsnTsnResetRequestParameter.TYPE,
          ReconfigurationResponseParameter.TYPE,
          AddOutgoingStreamsRequestParameter.TYPE,
          AddIncomingStreamsRequestParameter.TYPE ->
          true;
      default -> false;
    };
  }
}
