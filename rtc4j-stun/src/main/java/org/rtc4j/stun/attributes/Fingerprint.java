package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to this attribute, XOR-ed with {@code
 * 0x5354554e}; it tells STUN apart from other protocols on the same port. The encoder computes it
 * and the decoder verifies it.
 *
 * @param value the 32-bit value as it is on the wire
 */
public record Fingerprint(int value) implements StunAttribute {
  /** What the CRC-32 is XOR-ed with: "STUN" in ASCII. */
  public static final int XOR_MASK = 0x5354554e;

  @Override
  public int type() {
    return AttributeType.FINGERPRINT;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u32(value);
  }
}
