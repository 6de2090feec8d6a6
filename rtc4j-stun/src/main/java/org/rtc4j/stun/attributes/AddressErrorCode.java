package org.rtc4j.stun.attributes;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.stun.TransactionId;

/**
 * ADDRESS-ERROR-CODE (RFC 8656 §18.12): why a TURN server could not allocate a relayed address of
 * one family when asked for two.
 *
 * @param family the family that failed
 * @param code the error code, 300 to 699
 * @param reason the reason phrase
 */
public record AddressErrorCode(AddressFamily family, int code, String reason)
    implements StunAttribute {
  /**
   * @throws IllegalArgumentException if the code is outside 300..699 or the reason too long
   */
  public AddressErrorCode {
    Objects.requireNonNull(family, "family");
    new ErrorCode(code, reason); // the same rules as ERROR-CODE
  }

  @Override
  public int type() {
    return AttributeType.ADDRESS_ERROR_CODE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u8(family.code())
        .u8(0)
        .u8(code / 100)
        .u8(code % 100)
        .bytes(reason.getBytes(StandardCharsets.UTF_8));
  }

  static AddressErrorCode decode(ByteReader value) throws ParseException {
    AddressFamily family = AddressFamily.fromCode(value.u8(), 0);
    // After the family byte, the layout is ERROR-CODE's: its 16 reserved bits cover the family.
    value.seek(0);
    ErrorCode error = ErrorCode.decode(value);
    return new AddressErrorCode(family, error.code(), error.reason());
  }
}
