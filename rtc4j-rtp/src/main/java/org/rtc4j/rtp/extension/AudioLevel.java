package org.rtc4j.rtp.extension;

import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.ExtensionUri;
import org.rtc4j.rtp.HeaderExtension;

/**
 * The {@link ExtensionUri#AUDIO_LEVEL} header extension (RFC 6464 §3): whether the packet holds
 * voice, and its level. 1 byte of data: the V bit, then the level in 7 bits.
 *
 * @param voiceActivity the V bit: the sender thinks the packet holds speech
 * @param level the level in -dBov, 0 (loudest) to 127 (silence)
 */
public record AudioLevel(boolean voiceActivity, int level) implements HeaderExtension {
  /** The element's data length. */
  public static final int LENGTH = 1;

  /** Checks the level. */
  public AudioLevel {
    if (level < 0 || level > 127) {
      throw new IllegalArgumentException("audio level " + level + " outside 0-127");
    }
  }

  /** Reads the element data in {@code data[offset, +length)}. */
  public static AudioLevel parse(byte[] data, int offset, int length) throws ParseException {
    if (length != LENGTH) {
      throw new ParseException("audio level of " + length + " bytes, not 1", 0);
    }
    int b = data[offset] & 0xFF;
    return new AudioLevel((b & 0x80) != 0, b & 0x7F);
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void write(byte[] out, int offset) {
    out[offset] = (byte) ((voiceActivity ? 0x80 : 0) | level);
  }
}
