package org.rtc4j.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;
import org.rtc4j.rtp.codec.Vp9ScalabilityStructure.PictureGroupEntry;
import org.rtc4j.rtp.codec.Vp9ScalabilityStructure.Resolution;

/** VP9 (RFC 9628): the payload descriptor, the packetizer and the depacketizer. */
class Vp9Test {
  private final Vp9Depacketizer depacketizer = new Vp9Depacketizer();

  /**
   * A keyframe's uncompressed header, profile 0, 640×480 (VP9 bitstream specification §6.2):
   * frame_marker=2 profile=0 show_existing_frame=0 frame_type=0 (key) show_frame=1
   * error_resilient_mode=0, the sync code 0x498342, color_space=2 color_range=0, then
   * frame_width_minus_1=639 and frame_height_minus_1=479.
   */
  static final byte[] KEYFRAME_HEADER = Hex.bytes("82 49 83 42 40 27 f0 1d f0");

  /** An inter frame's first byte: frame_marker=2 profile=0 frame_type=1 show_frame=1. */
  static final byte INTER_FRAME = (byte) 0x86;

  @Test
  void roundTripOfRandomFrames() {
    qt().withFixedSeed(0x9628L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              byte[] frame = Payloads.randomBytes(random, Payloads.frameLength(random));
              int kind = random.nextInt(3);
              if (kind == 0 && frame.length >= KEYFRAME_HEADER.length) {
                System.arraycopy(KEYFRAME_HEADER, 0, frame, 0, KEYFRAME_HEADER.length);
              } else if (kind == 1) {
                frame[0] = INTER_FRAME;
              }
              boolean key = kind == 0 && frame.length >= KEYFRAME_HEADER.length;
              int pictureId = random.nextInt(0x8000);
              Vp9Packetizer packetizer = new Vp9Packetizer(pictureId);
              List<byte[]> payloads = packetizer.packetize(frame, Payloads.MTU);
              Payloads.assertFit(payloads, Payloads.MTU);
              assertEquals((pictureId + 1) & 0x7FFF, packetizer.pictureId());
              try {
                assertArrayEquals(frame, depacketizer.depacketize(payloads));
                Payloads.assertFrameBoundaries(depacketizer, payloads, false);
                assertEquals(key, Payloads.at(depacketizer, payloads.get(0)).keyframe());
                for (int i = 0; i < payloads.size(); i++) {
                  byte[] payload = payloads.get(i);
                  Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(payload, 0, payload.length);
                  assertEquals(pictureId, d.pictureId());
                  assertEquals(i == 0, d.beginningOfFrame());
                  assertEquals(i == payloads.size() - 1, d.endOfFrame());
                  assertEquals(!key, d.interPicturePredicted());
                  assertFalse(d.flexibleMode());
                  if (i == 0 && key) {
                    assertEquals(
                        Vp9ScalabilityStructure.ofResolution(640, 480), d.scalabilityStructure());
                  } else {
                    assertNull(d.scalabilityStructure());
                  }
                  if (i > 0) {
                    assertFalse(Payloads.at(depacketizer, payload).start());
                  }
                }
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
            });
  }

  /** The first payload of a keyframe, as the packetizer writes it. */
  @Test
  void knownKeyframePayload() throws ParseException {
    byte[] frame = KEYFRAME_HEADER;
    List<byte[]> payloads = new Vp9Packetizer(0x1234).packetize(frame, 1200);
    byte[] expected =
        Hex.bytes(
            "8e" // I=1 P=0 L=0 F=0 B=1 E=1 V=1 Z=0
                + " 92 34" // M=1, PICTURE ID 0x1234
                + " 10" // SS: N_S=0 (one spatial layer) Y=1 G=0
                + " 02 80 01 e0" // WIDTH 640, HEIGHT 480
                + " 82 49 83 42 40 27 f0 1d f0"); // the frame
    assertEquals(List.of(Hex.hex(expected)), payloads.stream().map(Hex::hex).toList());
    assertTrue(depacketizer.isKeyframe(expected, 0, expected.length));
    assertTrue(depacketizer.isFrameStart(expected, 0, expected.length));
  }

  /** Flexible mode, with layer indices and two reference indices. */
  @Test
  void knownFlexibleModeDescriptor() throws ParseException {
    byte[] payload =
        Hex.bytes(
            "fc" // I=1 P=1 L=1 F=1 B=1 E=1 V=0 Z=0
                + " 05" // M=0, PICTURE ID 5
                + " 53" // TID=2 U=1 SID=1 D=1
                + " 03" // P_DIFF=1 N=1
                + " 06" // P_DIFF=3 N=0
                + " aa bb");
    Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(payload, 0, payload.length);
    assertEquals(
        new Vp9PayloadDescriptor(
            5, 7, true, true, true, true, false, 2, true, 1, true, -1, List.of(1, 3), null),
        d);
    assertEquals(5, d.length());
    assertEquals("fc05530306", Hex.hex(write(d)));
    // Spatial layer 1 begins a layer frame but not the picture.
    assertFalse(depacketizer.isFrameStart(payload, 0, payload.length));
    assertFalse(depacketizer.isKeyframe(payload, 0, payload.length));
  }

  /** Non-flexible mode with layer indices, TL0PICIDX, and an SS with a picture group. */
  @Test
  void knownNonFlexibleModeDescriptorWithPictureGroup() throws ParseException {
    byte[] payload =
        Hex.bytes(
            "2f" // I=0 P=0 L=1 F=0 B=1 E=1 V=1 Z=1
                + " 20" // TID=1 U=0 SID=0 D=0
                + " 07" // TL0PICIDX 7
                + " 58" // SS: N_S=2 (three spatial layers) Y=1 G=1
                + " 01 40 00 b4  02 80 01 68  05 00 02 d0" // 320x180, 640x360, 1280x720
                + " 02" // N_G=2
                + " 04 04" // TID=0 U=0 R=1, P_DIFF 4
                + " 38 01 02" // TID=1 U=1 R=2, P_DIFFs 1 and 2
                + " 99");
    Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(payload, 0, payload.length);
    Vp9ScalabilityStructure ss =
        new Vp9ScalabilityStructure(
            3,
            List.of(new Resolution(320, 180), new Resolution(640, 360), new Resolution(1280, 720)),
            true,
            List.of(
                new PictureGroupEntry(0, false, List.of(4)),
                new PictureGroupEntry(1, true, List.of(1, 2))));
    assertEquals(
        new Vp9PayloadDescriptor(
            -1, 0, false, false, true, true, true, 1, false, 0, false, 7, List.of(), ss),
        d);
    assertEquals(payload.length - 1, d.length());
    assertEquals(Hex.hex(java.util.Arrays.copyOf(payload, payload.length - 1)), Hex.hex(write(d)));
    assertTrue(depacketizer.isFrameStart(payload, 0, payload.length));
    assertTrue(depacketizer.isKeyframe(payload, 0, payload.length));
  }

  @Test
  void descriptorsRoundTrip() {
    qt().withFixedSeed(0xD9L)
        .withExamples(1000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Vp9PayloadDescriptor d = randomDescriptor(new SplittableRandom(seed));
              byte[] bytes = write(d);
              assertEquals(d.length(), bytes.length);
              try {
                assertEquals(d, Vp9PayloadDescriptor.parse(bytes, 0, bytes.length));
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
            });
  }

  static Vp9PayloadDescriptor randomDescriptor(SplittableRandom r) {
    int bits = new int[] {0, 7, 15}[r.nextInt(3)];
    boolean flexible = r.nextBoolean();
    boolean p = r.nextBoolean();
    boolean layers = r.nextBoolean();
    List<Integer> diffs = new ArrayList<>();
    if (flexible && p) {
      for (int i = 1 + r.nextInt(3); i > 0; i--) {
        diffs.add(r.nextInt(128));
      }
    }
    Vp9ScalabilityStructure ss = null;
    if (r.nextBoolean()) {
      int spatial = 1 + r.nextInt(8);
      List<Resolution> resolutions = new ArrayList<>();
      if (r.nextBoolean()) {
        for (int i = 0; i < spatial; i++) {
          resolutions.add(new Resolution(r.nextInt(65536), r.nextInt(65536)));
        }
      }
      boolean group = r.nextBoolean();
      List<PictureGroupEntry> entries = new ArrayList<>();
      for (int i = group ? r.nextInt(5) : 0; i > 0; i--) {
        List<Integer> refs = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
          refs.add(r.nextInt(256));
        }
        entries.add(new PictureGroupEntry(r.nextInt(8), r.nextBoolean(), refs));
      }
      ss = new Vp9ScalabilityStructure(spatial, resolutions, group, entries);
    }
    return new Vp9PayloadDescriptor(
        bits == 0 ? -1 : r.nextInt(1 << bits),
        bits,
        p,
        flexible,
        r.nextBoolean(),
        r.nextBoolean(),
        r.nextBoolean(),
        layers ? r.nextInt(8) : -1,
        layers && r.nextBoolean(),
        layers ? r.nextInt(8) : -1,
        layers && r.nextBoolean(),
        layers && !flexible ? r.nextInt(256) : -1,
        diffs,
        ss);
  }

  @Test
  void frameHeaders() {
    assertEquals(
        new Vp9Packetizer.Vp9FrameHeader(true, 640, 480),
        Vp9Packetizer.Vp9FrameHeader.read(KEYFRAME_HEADER));
    assertFalse(Vp9Packetizer.Vp9FrameHeader.read(new byte[] {INTER_FRAME}).keyframe());
    assertNull(Vp9Packetizer.Vp9FrameHeader.read(new byte[] {0x42})); // frame_marker 1
    assertNull(Vp9Packetizer.Vp9FrameHeader.read(java.util.Arrays.copyOf(KEYFRAME_HEADER, 8)));
    // Profile 1 (low bit 1), RGB (color_space 7): one reserved bit after the color space.
    // 10 1 0 0 0 1 0 | sync | 111 0 | width-1 = 1 | height-1 = 1 |
    byte[] rgb = Hex.bytes("a2 49 83 42 e0 00 10 00 10");
    assertEquals(
        new Vp9Packetizer.Vp9FrameHeader(true, 2, 2), Vp9Packetizer.Vp9FrameHeader.read(rgb));
  }

  @Test
  void malformedPayloadsThrowOnlyParseException() {
    byte[] first =
        Hex.bytes("ea 92 34 58 01 40 00 b4 02 80 01 68 05 00 02 d0 02 04 04 38 01 02 99");
    byte[] flexible = Hex.bytes("fc 05 53 03 06 aa bb");
    assertTrue(Payloads.everyTruncation(depacketizer, List.of(first, flexible)) > 0);
    assertRefused(List.of(Hex.bytes("d4 05 03 03 03 03 aa"))); // four P_DIFFs
    assertRefused(List.of(Hex.bytes("8c 05"))); // no data
    assertRefused(List.of(Hex.bytes("84 05 aa"))); // B=0 on the first payload
    assertRefused(List.of(Hex.bytes("88 05 aa"))); // E=0 on the last payload
    assertRefused(List.of());
  }

  @Test
  void badArgumentsAreTheCallersBug() {
    assertThrows(IllegalArgumentException.class, () -> new Vp9Packetizer(-1));
    assertThrows(
        IllegalArgumentException.class, () -> new Vp9Packetizer(0).packetize(new byte[0], 1200));
    assertThrows(
        IllegalArgumentException.class, () -> new Vp9Packetizer(0).packetize(KEYFRAME_HEADER, 8));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Vp9PayloadDescriptor(
                -1, 0, true, true, true, true, false, -1, false, -1, false, -1, List.of(), null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Vp9PayloadDescriptor(
                -1, 0, false, false, true, true, false, 0, false, 0, false, -1, List.of(), null));
  }

  private void assertRefused(List<byte[]> payloads) {
    assertThrows(ParseException.class, () -> depacketizer.depacketize(payloads));
  }

  static byte[] write(Vp9PayloadDescriptor d) {
    ByteWriter out = ByteWriter.growable(64, 1024);
    d.write(out);
    return out.toByteArray();
  }
}
