package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteWriter;

/**
 * VP8 (RFC 7741): splits a frame, as the encoder made it, into payloads that each start with a
 * payload descriptor (RFC 7741 §4.2) carrying a 15-bit PictureID, the same in all of a frame's
 * payloads and one more (modulo 2^15) in the next frame's. The first payload has S=1 and PID=0; the
 * frame is sent as one partition, so PID is always 0 (RFC 7741 §4.4 allows it).
 */
public final class Vp8Packetizer implements Packetizer {
  /** The descriptor this packetizer writes: required byte, X byte and a two-byte PictureID. */
  static final int DESCRIPTOR_LENGTH = 4;

  private int pictureId;

  /**
   * A packetizer whose first frame has {@code firstPictureId}. RFC 7741 §4.2 recommends a random
   * first PictureID; the caller draws it.
   *
   * @throws IllegalArgumentException if it is outside 0 to 32767
   */
  public Vp8Packetizer(int firstPictureId) {
    if (firstPictureId < 0 || firstPictureId > 0x7FFF) {
      throw new IllegalArgumentException("PictureID out of range: " + firstPictureId);
    }
    this.pictureId = firstPictureId;
  }

  /** The PictureID the next frame gets. */
  public int pictureId() {
    return pictureId;
  }

  /**
   * @throws IllegalArgumentException if the frame is empty or {@code maxPayloadSize} leaves no room
   *     after the 4-byte descriptor
   */
  @Override
  public List<byte[]> packetize(byte[] frame, int maxPayloadSize) {
    if (frame.length == 0) {
      throw new IllegalArgumentException("empty frame");
    }
    int room = maxPayloadSize - DESCRIPTOR_LENGTH;
    if (room <= 0) {
      throw new IllegalArgumentException("payload size too small: " + maxPayloadSize);
    }
    List<byte[]> payloads = new ArrayList<>(frame.length / room + 1);
    for (int at = 0; at < frame.length; at += room) {
      int n = Math.min(room, frame.length - at);
      ByteWriter out = ByteWriter.growable(DESCRIPTOR_LENGTH + n, DESCRIPTOR_LENGTH + n);
      Vp8PayloadDescriptor.withPictureId(at == 0, pictureId).write(out);
      out.bytes(frame, at, n);
      payloads.add(out.toByteArray());
    }
    pictureId = (pictureId + 1) & 0x7FFF;
    return payloads;
  }
}
