package org.rtc4j.rtp.codec;

import java.util.List;
import java.util.Objects;
import org.rtc4j.common.ParseException;

/**
 * Opus (RFC 7587): the payload is one Opus packet (RFC 7587 §4.2), handed to the decoder as it is.
 * Every payload is a whole frame, starts and ends one and decodes on its own. The Opus packet's own
 * structure (RFC 6716 §3) is the decoder's to check; this checks only that it is not empty.
 */
public final class OpusDepacketizer implements Depacketizer {

  /** A depacketizer; it keeps no state. */
  public OpusDepacketizer() {}

  /**
   * The one Opus packet of a frame.
   *
   * @throws ParseException if there is not exactly one payload, or it is empty
   */
  @Override
  public byte[] depacketize(List<byte[]> payloads) throws ParseException {
    if (payloads.size() != 1) {
      throw new ParseException("an Opus frame is one payload, got " + payloads.size(), 0);
    }
    byte[] payload = payloads.get(0);
    check(payload, 0, payload.length);
    return payload.clone();
  }

  @Override
  public boolean isFrameStart(byte[] payload, int offset, int length) throws ParseException {
    check(payload, offset, length);
    return true;
  }

  @Override
  public boolean isFrameEnd(byte[] payload, int offset, int length, boolean marker)
      throws ParseException {
    check(payload, offset, length);
    return true;
  }

  @Override
  public boolean isKeyframe(byte[] payload, int offset, int length) throws ParseException {
    check(payload, offset, length);
    return true;
  }

  private static void check(byte[] payload, int offset, int length) throws ParseException {
    Objects.checkFromIndexSize(offset, length, payload.length);
    if (length == 0) {
      // RFC 6716 §3.4 [R1]: a packet has at least one byte, its TOC byte.
      throw new ParseException("empty Opus payload", 0);
    }
  }
}
