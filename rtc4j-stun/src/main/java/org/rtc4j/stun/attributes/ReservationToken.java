package org.rtc4j.stun.attributes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * RESERVATION-TOKEN (RFC 8656 §18.10): names a relayed address a TURN server holds in reserve.
 *
 * @param value the value's bytes (copied in and out, so the record stays immutable)
 */
public record ReservationToken(byte[] value) implements StunAttribute {
  /**
   * @throws IllegalArgumentException unless the value has 8 bytes
   */
  public ReservationToken {
    value = Objects.requireNonNull(value, "value").clone();
    if (value.length != 8) {
      throw new IllegalArgumentException("RESERVATION-TOKEN has 8 bytes, not " + value.length);
    }
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public int type() {
    return AttributeType.RESERVATION_TOKEN;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.bytes(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReservationToken other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "ReservationToken[" + HexFormat.of().formatHex(value) + "]";
  }
}
