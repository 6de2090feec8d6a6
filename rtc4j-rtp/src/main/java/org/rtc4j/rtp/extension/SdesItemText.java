package org.rtc4j.rtp.extension;

import org.rtc4j.common.ParseException;

/**
 * The text of an SDES item carried in an RTP header extension (RFC 7941), shared by {@link Mid},
 * {@link RtpStreamId} and {@link RepairedRtpStreamId}: 1 to 255 visible US-ASCII characters. The
 * identifiers these carry (RFC 9143's identification-tag, RFC 8851's rid-id) are tokens, so this
 * accepts no space, control or non-ASCII byte.
 */
final class SdesItemText {
  /** RFC 8285 §4.3: a two-byte element's data is at most 255 bytes. */
  static final int MAX_LENGTH = 255;

  private SdesItemText() {}

  static void check(String what, String value) {
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " of " + value.length() + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (!visible(value.charAt(i))) {
        throw new IllegalArgumentException(what + " with character " + (int) value.charAt(i));
      }
    }
  }

  /**
   * The text in {@code data[offset, +length)}. A zero byte ends it early: the text has none (it is
   * visible ASCII), so zero bytes after it are padding, which receivers such as libwebrtc ignore
   * too.
   */
  static String parse(String what, byte[] data, int offset, int length) throws ParseException {
    int end = 0;
    while (end < length && data[offset + end] != 0) {
      end++;
    }
    if (end == 0) {
      throw new ParseException(what + ": empty", 0);
    }
    char[] chars = new char[end];
    for (int i = 0; i < end; i++) {
      int b = data[offset + i] & 0xFF;
      if (!visible(b)) {
        throw new ParseException(what + ": byte " + b + " is not visible US-ASCII", i);
      }
      chars[i] = (char) b;
    }
    return new String(chars);
  }

  static void write(String value, byte[] out, int offset) {
    for (int i = 0; i < value.length(); i++) {
      out[offset + i] = (byte) value.charAt(i);
    }
  }

  private static boolean visible(int c) {
    return c > 0x20 && c < 0x7F;
  }
}
