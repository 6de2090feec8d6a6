package org.rtc4j.rtp.extension;

import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.ExtensionUri;
import org.rtc4j.rtp.HeaderExtension;

/**
 * The {@link ExtensionUri#VIDEO_ORIENTATION} header extension (3GPP TS 26.114 §7.4.5, CVO): how the
 * receiver must turn the video to show it upright. 1 byte of data, {@code 0000CFRR}: the camera
 * (C), a horizontal flip (F) and the rotation (RR, in quarter turns). The four high bits are
 * ignored when read and written as zero.
 *
 * @param backCamera C: the back-facing camera took the video (else the front-facing one)
 * @param horizontalFlip F: the video is mirrored left to right
 * @param rotation the rotation in degrees: 0, 90, 180 or 270
 */
public record VideoOrientation(boolean backCamera, boolean horizontalFlip, int rotation)
    implements HeaderExtension {
  /** The element's data length. */
  public static final int LENGTH = 1;

  /** Checks the rotation. */
  public VideoOrientation {
    if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
      throw new IllegalArgumentException("rotation " + rotation + " is not 0, 90, 180 or 270");
    }
  }

  /** Reads the element data in {@code data[offset, +length)}. */
  public static VideoOrientation parse(byte[] data, int offset, int length) throws ParseException {
    if (length != LENGTH) {
      throw new ParseException("video orientation of " + length + " bytes, not 1", 0);
    }
    int b = data[offset];
    return new VideoOrientation((b & 0x08) != 0, (b & 0x04) != 0, (b & 0x03) * 90);
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void write(byte[] out, int offset) {
    out[offset] = (byte) ((backCamera ? 0x08 : 0) | (horizontalFlip ? 0x04 : 0) | rotation / 90);
  }
}
