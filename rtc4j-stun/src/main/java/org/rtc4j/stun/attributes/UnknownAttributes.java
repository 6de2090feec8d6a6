package org.rtc4j.stun.attributes;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.stun.TransactionId;

/**
 * UNKNOWN-ATTRIBUTES (RFC 8489 §14.13): the comprehension-required attribute types a request
 * carried that its receiver did not understand, sent with error 420.
 *
 * @param types the attribute types, each 0 to 0xFFFF
 */
public record UnknownAttributes(List<Integer> types) implements StunAttribute {
  /**
   * @throws IllegalArgumentException if a type does not fit in 16 bits
   */
  public UnknownAttributes {
    types = List.copyOf(types);
    for (int t : types) {
      if (t < 0 || t > 0xFFFF) {
        throw new IllegalArgumentException("attribute type must fit in 16 bits: " + t);
      }
    }
  }

  @Override
  public int type() {
    return AttributeType.UNKNOWN_ATTRIBUTES;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    for (int t : types) {
      out.u16(t);
    }
  }

  static UnknownAttributes decode(ByteReader value) throws ParseException {
    if (value.length() % 2 != 0) {
      throw new ParseException("UNKNOWN-ATTRIBUTES length must be even: " + value.length(), 0);
    }
    List<Integer> types = new ArrayList<>();
    while (value.hasRemaining()) {
      types.add(value.u16());
    }
    return new UnknownAttributes(types);
  }
}
