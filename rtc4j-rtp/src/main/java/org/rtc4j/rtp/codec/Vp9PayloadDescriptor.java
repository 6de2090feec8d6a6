package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * The VP9 payload descriptor (RFC 9628 §4.2), which starts every VP9 payload. In flexible mode
 * (F=1) each frame lists its references; in non-flexible mode they follow from the scalability
 * structure's picture group and TL0PICIDX:
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      +-+-+-+-+-+-+-+-+
 *      |I|P|L|F|B|E|V|Z| (required)
 *      +-+-+-+-+-+-+-+-+
 * I:   |M| PICTURE ID  | (7 bits, or 15 with the next byte if M)
 *      +-+-+-+-+-+-+-+-+
 * L:   | TID |U| SID |D|
 *      +-+-+-+-+-+-+-+-+
 *      |   TL0PICIDX   | (non-flexible mode only, with L)
 *      +-+-+-+-+-+-+-+-+                             -\
 * P,F: | P_DIFF      |N| (flexible mode only, with P) - up to 3 times
 *      +-+-+-+-+-+-+-+-+                             -/
 * V:   | SS            | (see {@link Vp9ScalabilityStructure})
 * </pre>
 *
 * <p>An absent number is -1; an absent structure is {@code null}.
 *
 * @param pictureId the PICTURE ID, or -1 (I=0)
 * @param pictureIdBits 7 or 15 (the M bit) with a PICTURE ID, 0 without
 * @param interPicturePredicted P: the frame depends on an earlier picture
 * @param flexibleMode F
 * @param beginningOfFrame B: the payload starts a layer frame
 * @param endOfFrame E: the payload ends a layer frame
 * @param notReferenceForUpperSpatial Z: no frame of a higher spatial layer of this picture uses it
 * @param temporalLayerId TID, 0 to 7, or -1 (L=0)
 * @param switchingUpPoint U; false without L
 * @param spatialLayerId SID, 0 to 7, or -1 (L=0)
 * @param interLayerDependency D; false without L
 * @param tl0PicIdx TL0PICIDX, 0 to 255, in non-flexible mode with L; -1 otherwise
 * @param referenceDiffs the P_DIFFs, each 1 to 127, one to three in flexible mode with P and none
 *     otherwise
 * @param scalabilityStructure the SS (V=1), or {@code null}
 */
public record Vp9PayloadDescriptor(
    int pictureId,
    int pictureIdBits,
    boolean interPicturePredicted,
    boolean flexibleMode,
    boolean beginningOfFrame,
    boolean endOfFrame,
    boolean notReferenceForUpperSpatial,
    int temporalLayerId,
    boolean switchingUpPoint,
    int spatialLayerId,
    boolean interLayerDependency,
    int tl0PicIdx,
    List<Integer> referenceDiffs,
    Vp9ScalabilityStructure scalabilityStructure) {

  /** Validates the fields against each other and copies the list. */
  public Vp9PayloadDescriptor {
    if (pictureIdBits == 0 ? pictureId != -1 : pictureIdBits != 7 && pictureIdBits != 15) {
      throw new IllegalArgumentException("PICTURE ID bits must be 0, 7 or 15: " + pictureIdBits);
    }
    if (pictureIdBits != 0 && (pictureId < 0 || pictureId >= 1 << pictureIdBits)) {
      throw new IllegalArgumentException("PICTURE ID out of range: " + pictureId);
    }
    boolean layers = temporalLayerId >= 0;
    if (temporalLayerId < -1
        || temporalLayerId > 7
        || spatialLayerId < -1
        || spatialLayerId > 7
        || layers != spatialLayerId >= 0
        || (!layers && (switchingUpPoint || interLayerDependency))) {
      throw new IllegalArgumentException(
          "bad layer indices: TID " + temporalLayerId + ", SID " + spatialLayerId);
    }
    if (tl0PicIdx < -1 || tl0PicIdx > 255 || (tl0PicIdx >= 0) != (layers && !flexibleMode)) {
      throw new IllegalArgumentException(
          "TL0PICIDX is there exactly in non-flexible mode with layer indices: " + tl0PicIdx);
    }
    referenceDiffs = List.copyOf(referenceDiffs);
    if ((flexibleMode && interPicturePredicted)
        ? referenceDiffs.isEmpty() || referenceDiffs.size() > 3
        : !referenceDiffs.isEmpty()) {
      throw new IllegalArgumentException(
          "1 to 3 P_DIFFs exactly in flexible mode with P: " + referenceDiffs);
    }
    for (int diff : referenceDiffs) {
      if (diff < 0 || diff > 127) {
        throw new IllegalArgumentException("P_DIFF out of range: " + diff);
      }
    }
  }

  /**
   * Reads the descriptor at the start of {@code payload[offset, offset + length)}.
   *
   * @throws ParseException if it is truncated
   */
  public static Vp9PayloadDescriptor parse(byte[] payload, int offset, int length)
      throws ParseException {
    return parse(new ByteReader(payload, offset, length));
  }

  /** Reads the descriptor from {@code in}, leaving it at the first byte of the VP9 data. */
  static Vp9PayloadDescriptor parse(ByteReader in) throws ParseException {
    int first = in.u8();
    boolean p = (first & 0x40) != 0;
    boolean flexible = (first & 0x10) != 0;
    int pictureId = -1;
    int bits = 0;
    if ((first & 0x80) != 0) {
      int b = in.u8();
      if ((b & 0x80) != 0) {
        pictureId = ((b & 0x7F) << 8) | in.u8();
        bits = 15;
      } else {
        pictureId = b;
        bits = 7;
      }
    }
    int tid = -1;
    boolean u = false;
    int sid = -1;
    boolean d = false;
    int tl0 = -1;
    if ((first & 0x20) != 0) {
      int b = in.u8();
      tid = b >>> 5;
      u = (b & 0x10) != 0;
      sid = (b >>> 1) & 0x07;
      d = (b & 0x01) != 0;
      if (!flexible) {
        tl0 = in.u8();
      }
    }
    List<Integer> diffs = new ArrayList<>(3);
    if (flexible && p) {
      int b;
      do {
        if (diffs.size() == 3) {
          throw new ParseException("more than 3 P_DIFFs", in.position());
        }
        b = in.u8();
        diffs.add(b >>> 1);
      } while ((b & 0x01) != 0);
    }
    Vp9ScalabilityStructure ss = (first & 0x02) != 0 ? Vp9ScalabilityStructure.parse(in) : null;
    return new Vp9PayloadDescriptor(
        pictureId,
        bits,
        p,
        flexible,
        (first & 0x08) != 0,
        (first & 0x04) != 0,
        (first & 0x01) != 0,
        tid,
        u,
        sid,
        d,
        tl0,
        diffs,
        ss);
  }

  /** The descriptor's length in bytes. */
  public int length() {
    return 1
        + pictureIdBits / 7
        + (temporalLayerId >= 0 ? (flexibleMode ? 1 : 2) : 0)
        + referenceDiffs.size()
        + (scalabilityStructure == null ? 0 : scalabilityStructure.length());
  }

  /** Writes the descriptor, {@link #length()} bytes. */
  public void write(ByteWriter out) {
    out.u8(
        (pictureIdBits != 0 ? 0x80 : 0)
            | (interPicturePredicted ? 0x40 : 0)
            | (temporalLayerId >= 0 ? 0x20 : 0)
            | (flexibleMode ? 0x10 : 0)
            | (beginningOfFrame ? 0x08 : 0)
            | (endOfFrame ? 0x04 : 0)
            | (scalabilityStructure != null ? 0x02 : 0)
            | (notReferenceForUpperSpatial ? 0x01 : 0));
    if (pictureIdBits == 15) {
      out.u16(0x8000 | pictureId);
    } else if (pictureIdBits == 7) {
      out.u8(pictureId);
    }
    if (temporalLayerId >= 0) {
      out.u8(
          (temporalLayerId << 5)
              | (switchingUpPoint ? 0x10 : 0)
              | (spatialLayerId << 1)
              | (interLayerDependency ? 1 : 0));
      if (!flexibleMode) {
        out.u8(tl0PicIdx);
      }
    }
    for (int i = 0; i < referenceDiffs.size(); i++) {
      out.u8((referenceDiffs.get(i) << 1) | (i + 1 < referenceDiffs.size() ? 1 : 0));
    }
    if (scalabilityStructure != null) {
      scalabilityStructure.write(out);
    }
  }
}
