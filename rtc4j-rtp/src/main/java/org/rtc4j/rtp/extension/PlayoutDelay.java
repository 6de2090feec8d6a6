package org.rtc4j.rtp.extension;

import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.ExtensionUri;
import org.rtc4j.rtp.HeaderExtension;

/**
 * The {@link ExtensionUri#PLAYOUT_DELAY} header extension: the least and the most delay the sender
 * wants the receiver to hold frames for before playing them. 3 bytes of data: the minimum in 12
 * bits, then the maximum in 12 bits, both in units of 10 ms (so up to 40.95 s).
 *
 * @param minimum the minimum delay in 10 ms units, 0 to 4095
 * @param maximum the maximum delay in 10 ms units, 0 to 4095
 */
public record PlayoutDelay(int minimum, int maximum) implements HeaderExtension {
  /** The element's data length. */
  public static final int LENGTH = 3;

  /** The largest delay each field holds, in 10 ms units. */
  public static final int MAX_DELAY = 0xFFF;

  /** Checks both delays. */
  public PlayoutDelay {
    if (minimum < 0 || minimum > MAX_DELAY || maximum < 0 || maximum > MAX_DELAY) {
      throw new IllegalArgumentException(
          "playout delay " + minimum + "-" + maximum + " outside 0-4095");
    }
  }

  /** Reads the element data in {@code data[offset, +length)}. */
  public static PlayoutDelay parse(byte[] data, int offset, int length) throws ParseException {
    if (length != LENGTH) {
      throw new ParseException("playout delay of " + length + " bytes, not 3", 0);
    }
    int bits =
        ((data[offset] & 0xFF) << 16)
            | ((data[offset + 1] & 0xFF) << 8)
            | (data[offset + 2] & 0xFF);
    return new PlayoutDelay(bits >>> 12, bits & 0xFFF);
  }

  /** The minimum delay in milliseconds. */
  public int minimumMillis() {
    return minimum * 10;
  }

  /** The maximum delay in milliseconds. */
  public int maximumMillis() {
    return maximum * 10;
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void write(byte[] out, int offset) {
    int bits = (minimum << 12) | maximum;
    out[offset] = (byte) (bits >>> 16);
    out[offset + 1] = (byte) (bits >>> 8);
    out[offset + 2] = (byte) bits;
  }
}
