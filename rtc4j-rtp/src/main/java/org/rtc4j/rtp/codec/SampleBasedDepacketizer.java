package org.rtc4j.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.ParseException;

/**
 * G.711 (PCMU and PCMA) and G.722 (RFC 3551 §4.5): the payload is the encoder's octets. Every
 * payload is a frame of its own, and any octets are valid, so nothing is ever malformed.
 */
public final class SampleBasedDepacketizer implements Depacketizer {

  /** A depacketizer; it keeps no state. */
  public SampleBasedDepacketizer() {}

  /** The octets of the payloads, one after the other. */
  @Override
  public byte[] depacketize(List<byte[]> payloads) throws ParseException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] payload : payloads) {
      out.write(payload, 0, payload.length);
    }
    return out.toByteArray();
  }

  @Override
  public boolean isFrameStart(byte[] payload, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, payload.length);
    return true;
  }

  @Override
  public boolean isFrameEnd(byte[] payload, int offset, int length, boolean marker) {
    Objects.checkFromIndexSize(offset, length, payload.length);
    return true;
  }

  @Override
  public boolean isKeyframe(byte[] payload, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, payload.length);
    return true;
  }
}
