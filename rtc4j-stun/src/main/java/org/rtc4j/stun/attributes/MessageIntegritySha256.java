package org.rtc4j.stun.attributes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6): the HMAC-SHA256 of the message up to this attribute,
 * possibly truncated to 16..32 bytes. The encoder computes it.
 *
 * @param value the value's bytes (copied in and out, so the record stays immutable)
 */
public record MessageIntegritySha256(byte[] value) implements StunAttribute {
  /**
   * @throws IllegalArgumentException unless the value has 16 to 32 bytes, a multiple of 4
   */
  public MessageIntegritySha256 {
    value = Objects.requireNonNull(value, "value").clone();
    if (value.length < 16 || value.length > 32 || value.length % 4 != 0) {
      throw new IllegalArgumentException(
          "MESSAGE-INTEGRITY-SHA256 has 16 to 32 bytes in steps of 4, not " + value.length);
    }
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public int type() {
    return AttributeType.MESSAGE_INTEGRITY_SHA256;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.bytes(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageIntegritySha256 other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "MessageIntegritySha256[" + HexFormat.of().formatHex(value) + "]";
  }
}
