package org.rtc4j.datachannel.dcep;

/**
 * Java strings as the UTF-8 that data channels carry. A Java string may hold unpaired surrogates,
 * which UTF-8 cannot encode; WebRTC's strings are USVStrings (W3C WebIDL §3.2.11), in which each
 * unpaired surrogate has been replaced with U+FFFD.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * {@code value} as a USVString: every unpaired surrogate replaced with U+FFFD, so that it encodes
   * to UTF-8 and decodes back to itself.
   */
  public static String scalarValues(String value) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(value.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(value.length()).append(value, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? value : out.toString();
  }

  /**
   * The length of {@code value} in UTF-8, without encoding it.
   *
   * @throws IllegalArgumentException if it has an unpaired surrogate
   */
  public static long byteLength(String value) {
    long bytes = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("unpaired surrogate at " + i);
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
