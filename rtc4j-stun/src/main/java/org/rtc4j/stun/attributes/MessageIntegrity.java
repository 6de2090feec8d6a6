package org.rtc4j.stun.attributes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5): the HMAC-SHA1 of the message up to this attribute. The
 * encoder computes it; see {@code StunMessage.Builder#integrity}.
 *
 * @param value the value's bytes (copied in and out, so the record stays immutable)
 */
public record MessageIntegrity(byte[] value) implements StunAttribute {
  /**
   * @throws IllegalArgumentException unless the value has 20 bytes
   */
  public MessageIntegrity {
    value = Objects.requireNonNull(value, "value").clone();
    if (value.length != 20) {
      throw new IllegalArgumentException("MESSAGE-INTEGRITY has 20 bytes, not " + value.length);
    }
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public int type() {
    return AttributeType.MESSAGE_INTEGRITY;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.bytes(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageIntegrity other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "MessageIntegrity[" + HexFormat.of().formatHex(value) + "]";
  }
}
