package org.rtc4j.stun.attributes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * An attribute of a type rtc4j does not understand, kept with its raw value so that it can be
 * inspected or written back. If its type is comprehension-required ({@link
 * AttributeType#isComprehensionRequired}), a request carrying it must be rejected with 420.
 *
 * @param type the attribute's type
 * @param value the value's bytes (copied in and out)
 */
public record UnknownAttribute(int type, byte[] value) implements StunAttribute {
  /**
   * @throws IllegalArgumentException if the type or length does not fit in 16 bits
   */
  public UnknownAttribute {
    if (type < 0 || type > 0xFFFF) {
      throw new IllegalArgumentException("attribute type must fit in 16 bits: " + type);
    }
    value = Objects.requireNonNull(value, "value").clone();
    if (value.length > 0xFFFF) {
      throw new IllegalArgumentException("attribute value too long: " + value.length);
    }
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.bytes(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownAttribute other
        && type == other.type
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "UnknownAttribute["
        + AttributeType.name(type)
        + ", "
        + HexFormat.of().formatHex(value)
        + "]";
  }
}
