package org.rtc4j.stun.attributes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * DATA (RFC 8656 §18.4): application data carried in a TURN Send or Data indication.
 *
 * @param value the value's bytes (copied in and out, so the record stays immutable)
 */
public record Data(byte[] value) implements StunAttribute {
  /**
   * @throws IllegalArgumentException if the value is longer than 65535 bytes
   */
  public Data {
    value = Objects.requireNonNull(value, "value").clone();
    if (value.length > 0xFFFF) {
      throw new IllegalArgumentException("DATA is limited to 65535 bytes: " + value.length);
    }
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public int type() {
    return AttributeType.DATA;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.bytes(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Data other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Data[" + HexFormat.of().formatHex(value) + "]";
  }
}
