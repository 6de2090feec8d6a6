package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * CHANNEL-NUMBER (RFC 8656 §18.1): the channel a ChannelBind request binds.
 *
 * @param number the channel number; valid channels are 0x4000 to 0x4FFF
 */
public record ChannelNumber(int number) implements StunAttribute {
  /** The lowest channel number a client may bind. */
  public static final int MIN = 0x4000;

  /** The highest channel number a client may bind. */
  public static final int MAX = 0x4FFF;

  /**
   * @throws IllegalArgumentException if the number does not fit in 16 bits
   */
  public ChannelNumber {
    if (number < 0 || number > 0xFFFF) {
      throw new IllegalArgumentException("channel number must fit in 16 bits: " + number);
    }
  }

  /** Whether the number is in the range clients may bind, 0x4000 to 0x4FFF. */
  public boolean isValidChannel() {
    return number >= MIN && number <= MAX;
  }

  static ChannelNumber decode(org.rtc4j.common.ByteReader value)
      throws org.rtc4j.common.ParseException {
    value.require(4, "CHANNEL-NUMBER");
    ChannelNumber n = new ChannelNumber(value.u16());
    value.skip(2); // RFFU
    return n;
  }

  @Override
  public int type() {
    return AttributeType.CHANNEL_NUMBER;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u16(number).u16(0);
  }
}
