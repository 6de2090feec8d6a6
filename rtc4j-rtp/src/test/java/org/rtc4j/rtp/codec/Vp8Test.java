package org.rtc4j.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

/** VP8 (RFC 7741): the payload descriptor, the packetizer and the depacketizer. */
class Vp8Test {
  private final Vp8Depacketizer depacketizer = new Vp8Depacketizer();

  @Test
  void roundTripOfRandomFrames() {
    qt().withFixedSeed(0x0008L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              byte[] frame = Payloads.randomBytes(random, Payloads.frameLength(random));
              int pictureId = random.nextInt(0x8000);
              Vp8Packetizer packetizer = new Vp8Packetizer(pictureId);
              List<byte[]> payloads = packetizer.packetize(frame, Payloads.MTU);
              Payloads.assertFit(payloads, Payloads.MTU);
              assertEquals((frame.length + Payloads.MTU - 5) / (Payloads.MTU - 4), payloads.size());
              assertEquals((pictureId + 1) & 0x7FFF, packetizer.pictureId());
              try {
                assertArrayEquals(frame, depacketizer.depacketize(payloads));
                Payloads.assertFrameBoundaries(depacketizer, payloads, false);
                boolean keyframe = (frame[0] & 1) == 0;
                assertEquals(keyframe, Payloads.at(depacketizer, payloads.get(0)).keyframe());
                for (int i = 0; i < payloads.size(); i++) {
                  byte[] payload = payloads.get(i);
                  Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(payload, 0, payload.length);
                  assertEquals(Vp8PayloadDescriptor.withPictureId(i == 0, pictureId), d);
                  if (i > 0) {
                    assertFalse(Payloads.at(depacketizer, payload).start());
                    assertFalse(Payloads.at(depacketizer, payload).keyframe());
                  }
                }
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void pictureIdWrapsAt15Bits() {
    Vp8Packetizer packetizer = new Vp8Packetizer(0x7FFF);
    byte[] first = packetizer.packetize(new byte[] {0x10}, 100).get(0);
    byte[] second = packetizer.packetize(new byte[] {0x11}, 100).get(0);
    // X=1 S=1 PID=0 | I=1 | M=1 PictureID=0x7fff | the frame
    assertEquals("90 80 ff ff 10".replace(" ", ""), Hex.hex(first));
    // S=1 | I | M=1 PictureID=0 | an interframe's first byte (P=1)
    assertEquals("90 80 80 00 11".replace(" ", ""), Hex.hex(second));
  }

  /** A keyframe's first payload: descriptor with a 15-bit PictureID, then the frame tag. */
  @Test
  void knownKeyframePayload() throws ParseException {
    byte[] payload =
        Hex.bytes(
            "90" // X=1 R=0 N=0 S=1 R=0 PID=0
                + " 80" // I=1 L=0 T=0 K=0
                + " 92 34" // M=1, PictureID 0x1234
                + " 10 02 00" // RFC 7741 §4.3: Size0=0 H=1 VER=0 P=0 (key frame), Size1, Size2
                + " 9d 01 2a"); // RFC 6386 §9.1: the keyframe start code
    Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(payload, 0, payload.length);
    assertEquals(new Vp8PayloadDescriptor(false, true, 0, 0x1234, 15, -1, -1, false, -1), d);
    assertEquals(4, d.length());
    assertTrue(depacketizer.isFrameStart(payload, 0, payload.length));
    assertTrue(depacketizer.isKeyframe(payload, 0, payload.length));
    assertArrayEquals(Hex.bytes("10 02 00 9d 01 2a"), depacketizer.depacketize(List.of(payload)));
  }

  /** Every optional field at once. */
  @Test
  void knownDescriptorWithEveryField() throws ParseException {
    byte[] payload =
        Hex.bytes(
            "a3" // X=1 R=0 N=1 S=0 R=0 PID=3
                + " f0" // I=1 L=1 T=1 K=1 RSV=0
                + " 05" // M=0, 7-bit PictureID 5
                + " 2c" // TL0PICIDX 44
                + " a7" // TID=2 Y=1 KEYIDX=7
                + " 01 02 03");
    Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(payload, 0, payload.length);
    assertEquals(new Vp8PayloadDescriptor(true, false, 3, 5, 7, 44, 2, true, 7), d);
    assertEquals(5, d.length());
    assertEquals(Hex.hex(java.util.Arrays.copyOf(payload, 5)), Hex.hex(write(d)));
    assertFalse(depacketizer.isFrameStart(payload, 0, payload.length));
    assertFalse(depacketizer.isKeyframe(payload, 0, payload.length));
    // T=0, K=1: the T/K byte is there, with only KEYIDX.
    Vp8PayloadDescriptor k = Vp8PayloadDescriptor.parse(Hex.bytes("80 10 e5 00"), 0, 4);
    assertEquals(new Vp8PayloadDescriptor(false, false, 0, -1, 0, -1, -1, false, 5), k);
    assertEquals("801005", Hex.hex(write(k)));
    // No X: one byte.
    assertEquals(1, Vp8PayloadDescriptor.parse(Hex.bytes("10 00"), 0, 2).length());
  }

  @Test
  void interframeIsNotKeyframe() throws ParseException {
    byte[] payload = Hex.bytes("90 80 92 34 11 02 00"); // P=1
    assertTrue(depacketizer.isFrameStart(payload, 0, payload.length));
    assertFalse(depacketizer.isKeyframe(payload, 0, payload.length));
    // S=1 but PID=1: a later partition's start, neither a frame start nor a keyframe.
    byte[] later = Hex.bytes("11 10 02 00");
    assertFalse(depacketizer.isFrameStart(later, 0, later.length));
    assertFalse(depacketizer.isKeyframe(later, 0, later.length));
  }

  @Test
  void descriptorsRoundTrip() {
    qt().withFixedSeed(0x0D08L)
        .withExamples(1000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              int bits = new int[] {0, 7, 15}[r.nextInt(3)];
              int tid = r.nextInt(5) - 1;
              Vp8PayloadDescriptor d =
                  new Vp8PayloadDescriptor(
                      r.nextBoolean(),
                      r.nextBoolean(),
                      r.nextInt(8),
                      bits == 0 ? -1 : r.nextInt(1 << bits),
                      bits,
                      r.nextInt(257) - 1,
                      tid,
                      tid >= 0 && r.nextBoolean(),
                      r.nextInt(33) - 1);
              byte[] bytes = write(d);
              assertEquals(d.length(), bytes.length);
              try {
                assertEquals(d, Vp8PayloadDescriptor.parse(bytes, 0, bytes.length));
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void malformedPayloadsThrowOnlyParseException() throws Exception {
    byte[] full = Hex.bytes("b0 f0 92 34 2c a7 10 02 00");
    byte[] second = Hex.bytes("a0 f0 92 34 2c a7 33 44");
    // Cut anywhere in the descriptor, or right after it, the payload is refused.
    int refused = Payloads.everyTruncation(depacketizer, List.of(full, second));
    assertEquals(7 + 7, refused);
    assertThrows(ParseException.class, () -> depacketizer.depacketize(List.of()));
    // A frame whose first payload does not start it is not whole.
    assertThrows(ParseException.class, () -> depacketizer.depacketize(List.of(second)));
  }

  @Test
  void badArgumentsAreTheCallersBug() {
    assertThrows(IllegalArgumentException.class, () -> new Vp8Packetizer(0x8000));
    assertThrows(
        IllegalArgumentException.class, () -> new Vp8Packetizer(1).packetize(new byte[0], 1200));
    assertThrows(
        IllegalArgumentException.class, () -> new Vp8Packetizer(1).packetize(new byte[9], 4));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Vp8PayloadDescriptor(false, false, 8, -1, 0, -1, -1, false, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Vp8PayloadDescriptor(false, false, 0, 128, 7, -1, -1, false, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Vp8PayloadDescriptor(false, false, 0, -1, 0, -1, -1, true, -1));
  }

  static byte[] write(Vp8PayloadDescriptor d) {
    ByteWriter out = ByteWriter.growable(8, 8);
    d.write(out);
    return out.toByteArray();
  }
}
