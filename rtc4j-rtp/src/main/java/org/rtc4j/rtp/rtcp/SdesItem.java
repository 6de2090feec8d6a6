package org.rtc4j.rtp.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One item of an SDES chunk (RFC 3550 §6.5): a type and up to 255 bytes of value, usually UTF-8
 * text. The value is kept as bytes, so that any item, PRIV's binary prefix included, is written
 * back as it came.
 *
 * @param type the item type, 1 to 255 (0 ends a chunk's item list and is no item)
 * @param value the value, at most 255 bytes
 */
public record SdesItem(int type, byte[] value) {
  /** RFC 3550 §6.5.1: the canonical name, which ties a participant's streams together. */
  public static final int CNAME = 1;

  /** RFC 3550 §6.5.2: the user's name. */
  public static final int NAME = 2;

  /** RFC 3550 §6.5.3: e-mail address. */
  public static final int EMAIL = 3;

  /** RFC 3550 §6.5.4: phone number. */
  public static final int PHONE = 4;

  /** RFC 3550 §6.5.5: location. */
  public static final int LOC = 5;

  /** RFC 3550 §6.5.6: the application's name and version. */
  public static final int TOOL = 6;

  /** RFC 3550 §6.5.7: a notice about the source. */
  public static final int NOTE = 7;

  /** RFC 3550 §6.5.8: a private extension (prefix length, prefix, value). */
  public static final int PRIV = 8;

  /** RFC 8852: RtpStreamId, a simulcast layer's rid. */
  public static final int RTP_STREAM_ID = 12;

  /** RFC 8852: RepairedRtpStreamId. */
  public static final int REPAIRED_RTP_STREAM_ID = 13;

  /** RFC 9143: the media identification (MID) of a bundled m-line. */
  public static final int MID = 15;

  /** Checks the type and the length, and copies the value. */
  public SdesItem {
    if (type < 1 || type > 255) {
      throw new IllegalArgumentException("SDES item type " + type + " outside 1-255");
    }
    if (value.length > 255) {
      throw new IllegalArgumentException("SDES item of " + value.length + " bytes, at most 255");
    }
    value = value.clone();
  }

  /** An item whose value is {@code text} in UTF-8. */
  public static SdesItem text(int type, String text) {
    return new SdesItem(type, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A CNAME item. */
  public static SdesItem cname(String cname) {
    return text(CNAME, cname);
  }

  /** The value (a copy). */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The value as UTF-8 text (malformed bytes become U+FFFD). */
  public String text() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** The item's length on the wire: type, length and value. */
  int wireLength() {
    return 2 + value.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SdesItem i && type == i.type && Arrays.equals(value, i.value);
  }

  @Override
  public int hashCode() {
    return type * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "SdesItem[type=" + type + ", value=" + text() + "]";
  }
}
