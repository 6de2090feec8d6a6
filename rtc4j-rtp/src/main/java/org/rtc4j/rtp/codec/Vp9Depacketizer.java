package org.rtc4j.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * VP9 (RFC 9628), flexible and non-flexible mode: strips each payload's descriptor and joins the
 * VP9 data. A frame starts with B=1 in spatial layer 0 (or without layer indices) and is a keyframe
 * when that payload also has P=0 (RFC 9628 §4.2: a picture without inter-picture prediction, whose
 * base spatial layer frame is an intra frame).
 *
 * <p>With several spatial layers, the picture's layer frames come out one after the other, as they
 * came; splitting them again is the decoder's business.
 */
public final class Vp9Depacketizer implements Depacketizer {

  /** A depacketizer; it keeps no state. */
  public Vp9Depacketizer() {}

  /**
   * @throws ParseException if a descriptor is malformed, a payload has no VP9 data after its
   *     descriptor, the first payload does not begin a frame (B=1) or the last does not end one
   *     (E=1)
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
      Vp9PayloadDescriptor descriptor = data(in);
      if (i == 0 && !descriptor.beginningOfFrame()) {
        throw new ParseException("the frame's first payload does not have B=1", 0);
      }
      if (i == payloads.size() - 1 && !descriptor.endOfFrame()) {
        throw new ParseException("the frame's last payload does not have E=1", 0);
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
    Vp9PayloadDescriptor descriptor = data(new ByteReader(payload, offset, length));
    return starts(descriptor) && !descriptor.interPicturePredicted();
  }

  private static boolean starts(Vp9PayloadDescriptor descriptor) {
    return descriptor.beginningOfFrame() && descriptor.spatialLayerId() <= 0;
  }

  /** Reads the descriptor and checks that VP9 data follows it. */
  private static Vp9PayloadDescriptor data(ByteReader in) throws ParseException {
    Vp9PayloadDescriptor descriptor = Vp9PayloadDescriptor.parse(in);
    if (!in.hasRemaining()) {
      throw new ParseException("no VP9 data after the payload descriptor", in.position());
    }
    return descriptor;
  }
}
