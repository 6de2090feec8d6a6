package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * The scalability structure (SS) of a VP9 payload descriptor (RFC 9628 §4.2.1), sent with V=1:
 *
 * <pre>
 *       +-+-+-+-+-+-+-+-+
 *  V:   | N_S |Y|G|-|-|-|
 *       +-+-+-+-+-+-+-+-+              -\
 *  Y:   |     WIDTH     | (16 bits)     . N_S + 1 times
 *       |     HEIGHT    | (16 bits)     .
 *       +-+-+-+-+-+-+-+-+              -/
 *  G:   |      N_G      |
 *       +-+-+-+-+-+-+-+-+                           -\
 *  N_G: |  TID  |U| R |-|-|                          . N_G times
 *       |    P_DIFF     | (R times)                  .
 *       +-+-+-+-+-+-+-+-+                           -/
 * </pre>
 *
 * @param spatialLayers how many spatial layers, N_S + 1, 1 to 8
 * @param resolutions each spatial layer's frame size (Y=1), or empty (Y=0)
 * @param pictureGroupPresent G: whether the picture group description is there
 * @param pictureGroup the pictures of the group, N_G of them; empty unless G=1
 */
public record Vp9ScalabilityStructure(
    int spatialLayers,
    List<Resolution> resolutions,
    boolean pictureGroupPresent,
    List<PictureGroupEntry> pictureGroup) {

  /** A spatial layer's frame size in pixels, each 0 to 65535. */
  public record Resolution(int width, int height) {
    /** Validates the range. */
    public Resolution {
      if (width < 0 || width > 0xFFFF || height < 0 || height > 0xFFFF) {
        throw new IllegalArgumentException("resolution out of range: " + width + "x" + height);
      }
    }
  }

  /**
   * One picture of the group: its temporal layer, whether it is a switching up point, and the
   * differences to the picture IDs of the pictures it references (0 to 3 of them, each 0 to 255).
   */
  public record PictureGroupEntry(
      int temporalLayerId, boolean switchingUpPoint, List<Integer> referenceDiffs) {
    /** Validates the ranges and copies the list. */
    public PictureGroupEntry {
      if (temporalLayerId < 0 || temporalLayerId > 7) {
        throw new IllegalArgumentException("TID out of range: " + temporalLayerId);
      }
      referenceDiffs = List.copyOf(referenceDiffs);
      if (referenceDiffs.size() > 3) {
        throw new IllegalArgumentException("more than 3 references: " + referenceDiffs.size());
      }
      for (int diff : referenceDiffs) {
        if (diff < 0 || diff > 255) {
          throw new IllegalArgumentException("P_DIFF out of range: " + diff);
        }
      }
    }
  }

  /** Validates the ranges and copies the lists. */
  public Vp9ScalabilityStructure {
    if (spatialLayers < 1 || spatialLayers > 8) {
      throw new IllegalArgumentException("spatial layers out of range: " + spatialLayers);
    }
    resolutions = List.copyOf(resolutions);
    pictureGroup = List.copyOf(pictureGroup);
    if (!resolutions.isEmpty() && resolutions.size() != spatialLayers) {
      throw new IllegalArgumentException(
          resolutions.size() + " resolutions for " + spatialLayers + " spatial layers");
    }
    if (pictureGroup.size() > 255 || (!pictureGroupPresent && !pictureGroup.isEmpty())) {
      throw new IllegalArgumentException("bad picture group of " + pictureGroup.size());
    }
  }

  /** A structure of one spatial layer of {@code width} by {@code height}, without a group. */
  public static Vp9ScalabilityStructure ofResolution(int width, int height) {
    return new Vp9ScalabilityStructure(1, List.of(new Resolution(width, height)), false, List.of());
  }

  static Vp9ScalabilityStructure parse(ByteReader in) throws ParseException {
    int first = in.u8();
    int layers = (first >>> 5) + 1;
    List<Resolution> resolutions = new ArrayList<>();
    if ((first & 0x10) != 0) {
      for (int i = 0; i < layers; i++) {
        resolutions.add(new Resolution(in.u16(), in.u16()));
      }
    }
    boolean groupPresent = (first & 0x08) != 0;
    List<PictureGroupEntry> group = new ArrayList<>();
    if (groupPresent) {
      int count = in.u8();
      for (int i = 0; i < count; i++) {
        int b = in.u8();
        int references = (b >>> 2) & 0x03;
        List<Integer> diffs = new ArrayList<>(references);
        for (int r = 0; r < references; r++) {
          diffs.add(in.u8());
        }
        group.add(new PictureGroupEntry(b >>> 5, (b & 0x10) != 0, diffs));
      }
    }
    return new Vp9ScalabilityStructure(layers, resolutions, groupPresent, group);
  }

  /** The structure's length in bytes. */
  public int length() {
    int n = 1 + 4 * resolutions.size() + (pictureGroupPresent ? 1 : 0);
    for (PictureGroupEntry entry : pictureGroup) {
      n += 1 + entry.referenceDiffs().size();
    }
    return n;
  }

  /** Writes the structure, {@link #length()} bytes. */
  public void write(ByteWriter out) {
    out.u8(
        ((spatialLayers - 1) << 5)
            | (resolutions.isEmpty() ? 0 : 0x10)
            | (pictureGroupPresent ? 0x08 : 0));
    for (Resolution r : resolutions) {
      out.u16(r.width()).u16(r.height());
    }
    if (pictureGroupPresent) {
      out.u8(pictureGroup.size());
      for (PictureGroupEntry entry : pictureGroup) {
        out.u8(
            (entry.temporalLayerId() << 5)
                | (entry.switchingUpPoint() ? 0x10 : 0)
                | (entry.referenceDiffs().size() << 2));
        for (int diff : entry.referenceDiffs()) {
          out.u8(diff);
        }
      }
    }
  }
}
