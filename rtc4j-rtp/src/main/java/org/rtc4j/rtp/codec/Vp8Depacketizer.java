package org.rtc4j.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * VP8 (RFC 7741): strips each payload's descriptor (RFC 7741 §4.2) and joins what follows into the
 * frame the decoder takes. A frame starts with a payload with S=1 and PID=0 (RFC 7741 §4.4), and is
 * a keyframe when the P bit of the VP8 payload header that starts it is 0 (RFC 7741 §4.3).
 */
public final class Vp8Depacketizer implements Depacketizer {

  /** A depacketizer; it keeps no state. */
  public Vp8Depacketizer() {}

  /**
   * @throws ParseException if a descriptor is truncated, a payload has no VP8 data after its
   *     descriptor, or the first payload does not start the frame (S=1, PID=0)
   */
  @Override
  public byte[] depacketize(List<byte[]> payloads) throws ParseException {
    if (payloads.isEmpty()) {
      throw new ParseException("no payloads", 0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < payloads.size(); i++) {
      byte[] payload = payloads.get(i);
      ByteReader in = new ByteReader(payload);
      Vp8PayloadDescriptor descriptor = data(in);
      if (i == 0 && !starts(descriptor)) {
        throw new ParseException("the frame's first payload does not have S=1 and PID=0", 0);
      }
      out.write(payload, in.position(), in.remaining());
    }
    return out.toByteArray();
  }

  @Override
  public boolean isFrameStart(byte[] payload, int offset, int length) throws ParseException {
    return starts(data(new ByteReader(payload, offset, length)));
  }

  @Override
  public boolean isKeyframe(byte[] payload, int offset, int length) throws ParseException {
    Objects.checkFromIndexSize(offset, length, payload.length);
    ByteReader in = new ByteReader(payload, offset, length);
    // RFC 7741 §4.3: |Size0|H| VER |P|, the first byte of the frame; P=0 is a keyframe.
    return starts(data(in)) && (in.u8() & 0x01) == 0;
  }

  /** Reads the descriptor and checks that VP8 data follows it. */
  private static Vp8PayloadDescriptor data(ByteReader in) throws ParseException {
    Vp8PayloadDescriptor descriptor = Vp8PayloadDescriptor.parse(in);
    if (!in.hasRemaining()) {
      throw new ParseException("no VP8 data after the payload descriptor", in.position());
    }
    return descriptor;
  }

  private static boolean starts(Vp8PayloadDescriptor descriptor) {
    return descriptor.startOfPartition() && descriptor.partitionIndex() == 0;
  }
}
