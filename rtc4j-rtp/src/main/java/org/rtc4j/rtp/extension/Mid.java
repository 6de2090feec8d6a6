package org.rtc4j.rtp.extension;

import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.ExtensionUri;
import org.rtc4j.rtp.HeaderExtension;

/**
 * The {@link ExtensionUri#MID} header extension: the media identification of a bundled m-line (RFC
 * 9143), e.g. {@code "0"}.
 *
 * @param value 1 to 255 visible US-ASCII characters
 */
public record Mid(String value) implements HeaderExtension {
  /** Checks the value. */
  public Mid {
    SdesItemText.check("MID", value);
  }

  /**
   * Reads the element data in {@code data[offset, +length)}; zero bytes after the text are taken as
   * padding.
   */
  public static Mid parse(byte[] data, int offset, int length) throws ParseException {
    return new Mid(SdesItemText.parse("MID", data, offset, length));
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
