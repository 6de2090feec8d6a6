package org.rtc4j.rtp.extension;

import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.ExtensionUri;
import org.rtc4j.rtp.HeaderExtension;

/**
 * The {@link ExtensionUri#RTP_STREAM_ID} header extension: the RtpStreamId (RFC 8852), the rid of a
 * simulcast layer, e.g. {@code "h"}.
 *
 * @param value 1 to 255 visible US-ASCII characters
 */
public record RtpStreamId(String value) implements HeaderExtension {
  /** Checks the value. */
  public RtpStreamId {
    SdesItemText.check("rid", value);
  }

  /**
   * Reads the element data in {@code data[offset, +length)}; zero bytes after the text are taken as
   * padding.
   */
  public static RtpStreamId parse(byte[] data, int offset, int length) throws ParseException {
    return new RtpStreamId(SdesItemText.parse("rid", data, offset, length));
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
