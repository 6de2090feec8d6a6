package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.stun.TransactionId;

/**
 * One STUN attribute. Each attribute type is its own record; a type rtc4j does not know is kept as
 * an {@link UnknownAttribute} with its raw value.
 *
 * <p>MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT appear in decoded messages so that
 * they can be inspected, but they are computed by the encoder, never added by hand.
 */
public sealed interface StunAttribute
    permits AddressAttribute,
        TextAttribute,
        AdditionalAddressFamily,
        AddressErrorCode,
        ChannelNumber,
        ConnectionId,
        Data,
        DontFragment,
        ErrorCode,
        EvenPort,
        Fingerprint,
        Icmp,
        IceControlled,
        IceControlling,
        Lifetime,
        MessageIntegrity,
        MessageIntegritySha256,
        PasswordAlgorithm,
        PasswordAlgorithms,
        Priority,
        RequestedAddressFamily,
        RequestedTransport,
        ReservationToken,
        UnknownAttribute,
        UnknownAttributes,
        UseCandidate,
        Userhash {

  /** The attribute's type number (see {@link AttributeType}). */
  int type();

  /**
   * Writes the attribute's value, without its type-length header and padding.
   *
   * @param out where to write
   * @param transactionId the message's transaction id (the XOR address attributes need it)
   */
  void encodeValue(ByteWriter out, TransactionId transactionId);

  /**
   * Decodes the value of an attribute of {@code type}.
   *
   * @param type the attribute type from its header
   * @param value a reader over exactly the value (without padding)
   * @param transactionId the message's transaction id
   * @return the attribute; an {@link UnknownAttribute} for types rtc4j does not know
   * @throws ParseException if the value is malformed for its type
   */
  static StunAttribute decode(int type, ByteReader value, TransactionId transactionId)
      throws ParseException {
    StunAttribute attribute;
    try {
      attribute = decodeValue(type, value, transactionId);
    } catch (IllegalArgumentException e) {
      // A record's constructor refused the value (too long, out of range): malformed input.
      throw new ParseException(AttributeType.name(type) + ": " + e.getMessage(), 0);
    }
    if (value.hasRemaining()) {
      throw new ParseException(
          AttributeType.name(type) + ": " + value.remaining() + " unexpected bytes",
          value.position());
    }
    return attribute;
  }

  private static StunAttribute decodeValue(int type, ByteReader value, TransactionId transactionId)
      throws ParseException {
    return switch (type) {
      case AttributeType.MAPPED_ADDRESS,
          AttributeType.XOR_MAPPED_ADDRESS,
          AttributeType.XOR_PEER_ADDRESS,
          AttributeType.XOR_RELAYED_ADDRESS,
          AttributeType.ALTERNATE_SERVER ->
          AddressAttribute.decode(type, value, transactionId);
      case AttributeType.USERNAME,
          AttributeType.REALM,
          AttributeType.NONCE,
          AttributeType.SOFTWARE,
          AttributeType.ALTERNATE_DOMAIN ->
          TextAttribute.decode(type, value);
      case AttributeType.MESSAGE_INTEGRITY -> new MessageIntegrity(value.bytes(value.remaining()));
      case AttributeType.MESSAGE_INTEGRITY_SHA256 ->
          new MessageIntegritySha256(value.bytes(value.remaining()));
      case AttributeType.FINGERPRINT -> new Fingerprint(fixed(value, 4).i32());
      case AttributeType.ERROR_CODE -> ErrorCode.decode(value);
      case AttributeType.UNKNOWN_ATTRIBUTES -> UnknownAttributes.decode(value);
      case AttributeType.USERHASH -> new Userhash(value.bytes(value.remaining()));
      case AttributeType.PASSWORD_ALGORITHM -> PasswordAlgorithm.decode(value);
      case AttributeType.PASSWORD_ALGORITHMS -> PasswordAlgorithms.decode(value);
      case AttributeType.PRIORITY -> new Priority(fixed(value, 4).u32());
      case AttributeType.USE_CANDIDATE -> {
        fixed(value, 0);
        yield new UseCandidate();
      }
      case AttributeType.ICE_CONTROLLED -> new IceControlled(fixed(value, 8).i64());
      case AttributeType.ICE_CONTROLLING -> new IceControlling(fixed(value, 8).i64());
      case AttributeType.CHANNEL_NUMBER -> ChannelNumber.decode(value);
      case AttributeType.LIFETIME -> new Lifetime(fixed(value, 4).u32());
      case AttributeType.DATA -> new Data(value.bytes(value.remaining()));
      case AttributeType.EVEN_PORT -> new EvenPort((fixed(value, 1).u8() & 0x80) != 0);
      case AttributeType.REQUESTED_TRANSPORT -> {
        RequestedTransport transport = new RequestedTransport(fixed(value, 4).u8());
        value.skip(3); // RFFU
        yield transport;
      }
      case AttributeType.DONT_FRAGMENT -> {
        fixed(value, 0);
        yield new DontFragment();
      }
      case AttributeType.RESERVATION_TOKEN -> new ReservationToken(value.bytes(value.remaining()));
      case AttributeType.REQUESTED_ADDRESS_FAMILY ->
          new RequestedAddressFamily(AddressFamily.decode(fixed(value, 4)));
      case AttributeType.ADDITIONAL_ADDRESS_FAMILY ->
          new AdditionalAddressFamily(AddressFamily.decode(fixed(value, 4)));
      case AttributeType.ADDRESS_ERROR_CODE -> AddressErrorCode.decode(value);
      case AttributeType.ICMP -> Icmp.decode(value);
      case AttributeType.CONNECTION_ID -> new ConnectionId(fixed(value, 4).u32());
      default -> new UnknownAttribute(type, value.bytes(value.remaining()));
    };
  }

  /** Checks that a value has exactly {@code length} bytes, and returns its reader. */
  private static ByteReader fixed(ByteReader value, int length) throws ParseException {
    if (value.length() != length) {
      throw new ParseException(
          "attribute value must have " + length + " bytes, not " + value.length(), 0);
    }
    return value;
  }
}
