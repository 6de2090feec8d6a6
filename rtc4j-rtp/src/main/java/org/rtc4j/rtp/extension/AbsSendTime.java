package org.rtc4j.rtp.extension;

import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.ExtensionUri;
import org.rtc4j.rtp.HeaderExtension;

/**
 * The {@link ExtensionUri#ABS_SEND_TIME} header extension: when the sender sent the packet, as
 * 24-bit 6.18 fixed-point seconds (6 bits of whole seconds, 18 of fraction), so it wraps every 64
 * seconds. 3 bytes of data.
 *
 * @param value the 24-bit fixed-point time, 0 to 2^24 - 1
 */
public record AbsSendTime(int value) implements HeaderExtension {
  /** The element's data length. */
  public static final int LENGTH = 3;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** Checks the value. */
  public AbsSendTime {
    if (value < 0 || value > 0xFF_FFFF) {
      throw new IllegalArgumentException("abs-send-time " + value + " outside 24 bits");
    }
  }

  /** The send time {@code nanos} (on any clock) in 6.18 fixed point, modulo 64 seconds. */
  public static AbsSendTime ofNanos(long nanos) {
    long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
    long fraction = Math.floorMod(nanos, NANOS_PER_SECOND);
    long value = ((seconds & 0x3F) << 18) | ((fraction << 18) / NANOS_PER_SECOND);
    return new AbsSendTime((int) value);
  }

  /** Reads the element data in {@code data[offset, +length)}. */
  public static AbsSendTime parse(byte[] data, int offset, int length) throws ParseException {
    if (length != LENGTH) {
      throw new ParseException("abs-send-time of " + length + " bytes, not 3", 0);
    }
    return new AbsSendTime(
        ((data[offset] & 0xFF) << 16)
            | ((data[offset + 1] & 0xFF) << 8)
            | (data[offset + 2] & 0xFF));
  }

  /** The time as nanoseconds within its 64-second period, rounded down. */
  public long nanos() {
    return (value * NANOS_PER_SECOND) >>> 18;
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void write(byte[] out, int offset) {
    out[offset] = (byte) (value >>> 16);
    out[offset + 1] = (byte) (value >>> 8);
    out[offset + 2] = (byte) value;
  }
}
