package org.rtc4j.stun.attributes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * USERHASH (RFC 8489 §14.4): SHA-256 of {@code username ":" realm}, sent instead of USERNAME for
 * anonymity.
 *
 * @param value the value's bytes (copied in and out, so the record stays immutable)
 */
public record Userhash(byte[] value) implements StunAttribute {
  /**
   * @throws IllegalArgumentException unless the value has 32 bytes
   */
  public Userhash {
    value = Objects.requireNonNull(value, "value").clone();
    if (value.length != 32) {
      throw new IllegalArgumentException("USERHASH has 32 bytes, not " + value.length);
    }
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public int type() {
    return AttributeType.USERHASH;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.bytes(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Userhash other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Userhash[" + HexFormat.of().formatHex(value) + "]";
  }
}
