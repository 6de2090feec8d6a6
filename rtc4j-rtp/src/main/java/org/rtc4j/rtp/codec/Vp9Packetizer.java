package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteWriter;

/**
 * VP9 (RFC 9628), one spatial and one temporal layer, in non-flexible mode: each payload starts
 * with a descriptor with a 15-bit PICTURE ID (one more, modulo 2^15, for each frame), P=1 unless
 * the frame is a keyframe, B=1 on the frame's first payload and E=1 on its last. A keyframe's first
 * payload also carries a scalability structure with the frame's size, read from the frame's
 * uncompressed header (VP9 bitstream specification §6.2), so that a receiver learns the resolution
 * (RFC 9628 §4.2.1 asks for the SS with each keyframe).
 */
public final class Vp9Packetizer implements Packetizer {
  private int pictureId;

  /**
   * A packetizer whose first frame has {@code firstPictureId}; RFC 9628 §4.2 recommends a random
   * one, which the caller draws.
   *
   * @throws IllegalArgumentException if it is outside 0 to 32767
   */
  public Vp9Packetizer(int firstPictureId) {
    if (firstPictureId < 0 || firstPictureId > 0x7FFF) {
      throw new IllegalArgumentException("PICTURE ID out of range: " + firstPictureId);
    }
    this.pictureId = firstPictureId;
  }

  /** The PICTURE ID the next frame gets. */
  public int pictureId() {
    return pictureId;
  }

  /**
   * @param frame a VP9 frame as the encoder made it; if its uncompressed header cannot be read it
   *     is sent as an inter frame
   * @throws IllegalArgumentException if the frame is empty or {@code maxPayloadSize} leaves no room
   *     after the descriptor
   */
  @Override
  public List<byte[]> packetize(byte[] frame, int maxPayloadSize) {
    if (frame.length == 0) {
      throw new IllegalArgumentException("empty frame");
    }
    Vp9FrameHeader header = Vp9FrameHeader.read(frame);
    boolean key = header != null && header.keyframe();
    Vp9ScalabilityStructure ss =
        key ? Vp9ScalabilityStructure.ofResolution(header.width(), header.height()) : null;
    List<byte[]> payloads = new ArrayList<>();
    int at = 0;
    do {
      Vp9PayloadDescriptor descriptor =
          new Vp9PayloadDescriptor(
              pictureId,
              15,
              !key,
              false,
              at == 0,
              false,
              false,
              -1,
              false,
              -1,
              false,
              -1,
              List.of(),
              at == 0 ? ss : null);
      int room = maxPayloadSize - descriptor.length();
      if (room <= 0) {
        throw new IllegalArgumentException("payload size too small: " + maxPayloadSize);
      }
      int n = Math.min(room, frame.length - at);
      if (at + n == frame.length) {
        descriptor =
            new Vp9PayloadDescriptor(
                pictureId,
                15,
                !key,
                false,
                at == 0,
                true,
                false,
                -1,
                false,
                -1,
                false,
                -1,
                List.of(),
                descriptor.scalabilityStructure());
      }
      ByteWriter out = ByteWriter.growable(descriptor.length() + n, descriptor.length() + n);
      descriptor.write(out);
      out.bytes(frame, at, n);
      payloads.add(out.toByteArray());
      at += n;
    } while (at < frame.length);
    pictureId = (pictureId + 1) & 0x7FFF;
    return payloads;
  }

  /**
   * What the packetizer needs from a frame's uncompressed header (VP9 bitstream specification
   * §6.2): whether it is a keyframe, and a keyframe's size.
   */
  record Vp9FrameHeader(boolean keyframe, int width, int height) {
    private static final int CS_RGB = 7;

    /** The header of {@code frame}, or {@code null} if it is not one. */
    static Vp9FrameHeader read(byte[] frame) {
      Bits bits = new Bits(frame);
      if (bits.read(2) != 2) { // frame_marker
        return null;
      }
      int profile = bits.read(1) | (bits.read(1) << 1);
      if (profile == 3) {
        bits.read(1); // reserved_zero
      }
      if (bits.read(1) == 1) { // show_existing_frame
        return bits.overrun() ? null : new Vp9FrameHeader(false, 0, 0);
      }
      boolean key = bits.read(1) == 0; // frame_type: KEY_FRAME is 0
      bits.read(2); // show_frame, error_resilient_mode
      if (!key) {
        return bits.overrun() ? null : new Vp9FrameHeader(false, 0, 0);
      }
      if (bits.read(24) != 0x498342) { // frame_sync_code
        return null;
      }
      // color_config()
      if (profile >= 2) {
        bits.read(1); // ten_or_twelve_bit
      }
      int colorSpace = bits.read(3);
      if (colorSpace != CS_RGB) {
        bits.read(1); // color_range
        if (profile == 1 || profile == 3) {
          bits.read(3); // subsampling_x, subsampling_y, reserved_zero
        }
      } else if (profile == 1 || profile == 3) {
        bits.read(1); // reserved_zero
      }
      // frame_size()
      int width = bits.read(16) + 1;
      int height = bits.read(16) + 1;
      return bits.overrun() || width > 0xFFFF || height > 0xFFFF
          ? null
          : new Vp9FrameHeader(true, width, height);
    }
  }

  /** Reads bits, most significant first; past the end it reads zeros and remembers it did. */
  private static final class Bits {
    private final byte[] data;
    private long position;

    Bits(byte[] data) {
      this.data = data;
    }

    int read(int n) {
      int v = 0;
      for (int i = 0; i < n; i++, position++) {
        int index = (int) (position >>> 3);
        int bit = index < data.length ? (data[index] >>> (7 - (position & 7))) & 1 : 0;
        v = (v << 1) | bit;
      }
      return v;
    }

    boolean overrun() {
      return position > 8L * data.length;
    }
  }
}
