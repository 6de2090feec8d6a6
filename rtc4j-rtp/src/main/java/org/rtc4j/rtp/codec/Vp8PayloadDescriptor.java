package org.rtc4j.rtp.codec;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * The VP8 payload descriptor (RFC 7741 §4.2), which starts every VP8 payload:
 *
 * <pre>
 *        0 1 2 3 4 5 6 7
 *       +-+-+-+-+-+-+-+-+
 *       |X|R|N|S|R| PID | (required)
 *       +-+-+-+-+-+-+-+-+
 *  X:   |I|L|T|K| RSV   | (optional)
 *       +-+-+-+-+-+-+-+-+
 *  I:   |M| PictureID   | (optional; 7 bits, or 15 with the next byte if M)
 *       +-+-+-+-+-+-+-+-+
 *  L:   |   TL0PICIDX   | (optional)
 *       +-+-+-+-+-+-+-+-+
 *  T/K: |TID|Y| KEYIDX  | (optional)
 *       +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>An absent optional field is -1. Reserved bits are written as zero and ignored when read.
 *
 * @param nonReference N: the frame is not used to predict other frames
 * @param startOfPartition S: the payload starts a VP8 partition
 * @param partitionIndex PID: which partition it is in, 0 to 7
 * @param pictureId the PictureID, or -1
 * @param pictureIdBits 7 or 15 (the M bit) with a PictureID, 0 without
 * @param tl0PicIdx TL0PICIDX, 0 to 255, or -1
 * @param temporalLayerId TID, 0 to 3, or -1 (T=0)
 * @param layerSync Y: the frame depends only on the base temporal layer; false without TID
 * @param keyIndex KEYIDX, 0 to 31, or -1 (K=0)
 */
public record Vp8PayloadDescriptor(
    boolean nonReference,
    boolean startOfPartition,
    int partitionIndex,
    int pictureId,
    int pictureIdBits,
    int tl0PicIdx,
    int temporalLayerId,
    boolean layerSync,
    int keyIndex) {

  /** Validates the fields' ranges. */
  public Vp8PayloadDescriptor {
    if (partitionIndex < 0 || partitionIndex > 7) {
      throw new IllegalArgumentException("PID out of range: " + partitionIndex);
    }
    if (pictureIdBits == 0 ? pictureId != -1 : pictureIdBits != 7 && pictureIdBits != 15) {
      throw new IllegalArgumentException("PictureID bits must be 0, 7 or 15: " + pictureIdBits);
    }
    if (pictureIdBits != 0 && (pictureId < 0 || pictureId >= 1 << pictureIdBits)) {
      throw new IllegalArgumentException("PictureID out of range: " + pictureId);
    }
    if (tl0PicIdx < -1 || tl0PicIdx > 255) {
      throw new IllegalArgumentException("TL0PICIDX out of range: " + tl0PicIdx);
    }
    if (temporalLayerId < -1 || temporalLayerId > 3) {
      throw new IllegalArgumentException("TID out of range: " + temporalLayerId);
    }
    if (layerSync && temporalLayerId < 0) {
      throw new IllegalArgumentException("Y without TID");
    }
    if (keyIndex < -1 || keyIndex > 31) {
      throw new IllegalArgumentException("KEYIDX out of range: " + keyIndex);
    }
  }

  /**
   * A descriptor with only the required byte and a 15-bit PictureID, as a sender that keeps no
   * temporal layers writes it.
   */
  public static Vp8PayloadDescriptor withPictureId(boolean startOfPartition, int pictureId) {
    return new Vp8PayloadDescriptor(false, startOfPartition, 0, pictureId, 15, -1, -1, false, -1);
  }

  /**
   * Reads the descriptor at the start of {@code payload[offset, offset + length)}.
   *
   * @throws ParseException if it is truncated
   */
  public static Vp8PayloadDescriptor parse(byte[] payload, int offset, int length)
      throws ParseException {
    return parse(new ByteReader(payload, offset, length));
  }

  /** Reads the descriptor from {@code in}, leaving it at the first byte of the VP8 payload. */
  static Vp8PayloadDescriptor parse(ByteReader in) throws ParseException {
    int first = in.u8();
    boolean nonReference = (first & 0x20) != 0;
    boolean start = (first & 0x10) != 0;
    int partition = first & 0x07;
    int pictureId = -1;
    int pictureIdBits = 0;
    int tl0PicIdx = -1;
    int tid = -1;
    boolean sync = false;
    int keyIndex = -1;
    if ((first & 0x80) != 0) {
      int extension = in.u8();
      if ((extension & 0x80) != 0) {
        int b = in.u8();
        if ((b & 0x80) != 0) {
          pictureId = ((b & 0x7F) << 8) | in.u8();
          pictureIdBits = 15;
        } else {
          pictureId = b;
          pictureIdBits = 7;
        }
      }
      if ((extension & 0x40) != 0) {
        tl0PicIdx = in.u8();
      }
      boolean t = (extension & 0x20) != 0;
      boolean k = (extension & 0x10) != 0;
      if (t || k) {
        int b = in.u8();
        if (t) {
          tid = b >>> 6;
          sync = (b & 0x20) != 0;
        }
        if (k) {
          keyIndex = b & 0x1F;
        }
      }
    }
    return new Vp8PayloadDescriptor(
        nonReference, start, partition, pictureId, pictureIdBits, tl0PicIdx, tid, sync, keyIndex);
  }

  /** Whether the X byte is needed: any optional field is present. */
  private boolean extended() {
    return pictureIdBits != 0 || tl0PicIdx >= 0 || temporalLayerId >= 0 || keyIndex >= 0;
  }

  /** The descriptor's length in bytes, 1 to 6. */
  public int length() {
    if (!extended()) {
      return 1;
    }
    return 2
        + pictureIdBits / 7
        + (tl0PicIdx >= 0 ? 1 : 0)
        + (temporalLayerId >= 0 || keyIndex >= 0 ? 1 : 0);
  }

  /** Writes the descriptor, {@link #length()} bytes. */
  public void write(ByteWriter out) {
    boolean extended = extended();
    out.u8(
        (extended ? 0x80 : 0)
            | (nonReference ? 0x20 : 0)
            | (startOfPartition ? 0x10 : 0)
            | partitionIndex);
    if (!extended) {
      return;
    }
    out.u8(
        (pictureIdBits != 0 ? 0x80 : 0)
            | (tl0PicIdx >= 0 ? 0x40 : 0)
            | (temporalLayerId >= 0 ? 0x20 : 0)
            | (keyIndex >= 0 ? 0x10 : 0));
    if (pictureIdBits == 15) {
      out.u16(0x8000 | pictureId);
    } else if (pictureIdBits == 7) {
      out.u8(pictureId);
    }
    if (tl0PicIdx >= 0) {
      out.u8(tl0PicIdx);
    }
    if (temporalLayerId >= 0 || keyIndex >= 0) {
      out.u8(
          (temporalLayerId >= 0 ? temporalLayerId << 6 : 0)
              | (layerSync ? 0x20 : 0)
              | (keyIndex >= 0 ? keyIndex : 0));
    }
  }
}
