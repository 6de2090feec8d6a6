package org.rtc4j.rtp.extension;

import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.ExtensionUri;
import org.rtc4j.rtp.HeaderExtension;

/**
 * The {@link ExtensionUri#REPAIRED_RTP_STREAM_ID} header extension: the RepairedRtpStreamId (RFC
 * 8852): the rid of the stream that a redundancy (RTX) stream repairs.
 *
 * @param value 1 to 255 visible US-ASCII characters
 */
public record RepairedRtpStreamId(String value) implements HeaderExtension {
  /** Checks the value. */
  public RepairedRtpStreamId {
    SdesItemText.check("repaired rid", value);
  }

  /**
   * Reads the element data in {@code data[offset, +length)}; zero bytes after the text are taken as
   * padding.
   */
  public static RepairedRtpStreamId parse(byte[] data, int offset, int length)
      throws ParseException {
    return new RepairedRtpStreamId(SdesItemText.parse("repaired rid", data, offset, length));
  }

  @Override
  public int length() {
    return value.length();
  }

  @Override
  public void write(byte[] out, int offset) {
    SdesItemText.write(value, out, offset);
  }
}
