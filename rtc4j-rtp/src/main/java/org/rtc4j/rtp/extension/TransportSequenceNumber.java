package org.rtc4j.rtp.extension;

import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.ExtensionUri;
import org.rtc4j.rtp.HeaderExtension;

/**
 * The {@link ExtensionUri#TRANSPORT_WIDE_CC} header extension
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2): a sequence number counted across every
 * RTP stream of the transport, which transport-wide congestion control feedback refers to. 2 bytes
 * of data.
 *
 * @param value the sequence number, 0 to 65535
 */
public record TransportSequenceNumber(int value) implements HeaderExtension {
  /** The element's data length. */
  public static final int LENGTH = 2;

  /** Checks the value. */
  public TransportSequenceNumber {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException("transport sequence number " + value + " outside 16 bits");
    }
  }

  /** Reads the element data in {@code data[offset, +length)}. */
  public static TransportSequenceNumber parse(byte[] data, int offset, int length)
      throws ParseException {
    if (length != LENGTH) {
      throw new ParseException("transport-wide sequence number of " + length + " bytes, not 2", 0);
    }
    return new TransportSequenceNumber(((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF));
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void write(byte[] out, int offset) {
    out[offset] = (byte) (value >>> 8);
    out[offset + 1] = (byte) value;
  }
}
