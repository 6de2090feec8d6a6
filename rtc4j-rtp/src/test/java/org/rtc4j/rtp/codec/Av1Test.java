package org.rtc4j.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

/** AV1 (AOMedia av1-rtp-spec): aggregation header, OBU elements, fragments. */
class Av1Test {
  private final Av1Packetizer packetizer = new Av1Packetizer();
  private final Av1Depacketizer depacketizer = new Av1Depacketizer();

  /** A temporal delimiter OBU: type 2, obu_has_size_field=1, obu_size 0. */
  private static final byte[] TEMPORAL_DELIMITER = Hex.bytes("12 00");

  @Test
  void roundTripOfRandomTemporalUnits() {
    qt().withFixedSeed(0xA1L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              ByteArrayOutputStream frame = new ByteArrayOutputStream();
              ByteArrayOutputStream expected = new ByteArrayOutputStream();
              frame.write(TEMPORAL_DELIMITER, 0, 2);
              boolean key = random.nextBoolean();
              if (key) {
                byte[] sh = obu(random, 1, -1, 1 + random.nextInt(20), true);
                frame.write(sh, 0, sh.length);
                expected.write(sh, 0, sh.length);
              }
              int budget = Payloads.frameLength(random);
              int layer = random.nextInt(4) == 0 ? random.nextInt(256) : -1;
              for (int total = 0; total < budget; ) {
                boolean lastWithoutSize = total > budget / 2 && random.nextInt(4) == 0;
                int size = Math.min(budget, NalUnits.bodyLength(random));
                if (layer >= 0 && random.nextInt(3) == 0) {
                  layer = random.nextInt(256) & 0xF8; // temporal_id and spatial_id
                }
                int type = new int[] {3, 4, 5, 6, 15}[random.nextInt(5)];
                byte[] obu = obu(random, type, layer, size, !lastWithoutSize);
                frame.write(obu, 0, obu.length);
                byte[] sized = lastWithoutSize ? withSize(obu) : obu;
                expected.write(sized, 0, sized.length);
                total += obu.length;
                if (lastWithoutSize) {
                  break;
                }
              }
              int mtu = random.nextInt(4) == 0 ? 2 + random.nextInt(60) : Payloads.MTU;
              List<byte[]> payloads = packetizer.packetize(frame.toByteArray(), mtu);
              Payloads.assertFit(payloads, mtu);
              try {
                assertArrayEquals(expected.toByteArray(), depacketizer.depacketize(payloads));
                Payloads.assertFrameBoundaries(depacketizer, payloads, false);
                assertEquals(key, Payloads.at(depacketizer, payloads.get(0)).keyframe());
                assertEquals(key, (payloads.get(0)[0] & 0x08) != 0); // N
                for (int i = 1; i < payloads.size(); i++) {
                  assertEquals(0, payloads.get(i)[0] & 0x08);
                }
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
            });
  }

  /**
   * An OBU of {@code type} with {@code payloadSize} random bytes, an extension header with {@code
   * extension} unless it is -1, and an obu_size field if {@code sized}.
   */
  static byte[] obu(
      SplittableRandom random, int type, int extension, int payloadSize, boolean sized) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((type << 3) | (extension >= 0 ? 0x04 : 0) | (sized ? 0x02 : 0));
    if (extension >= 0) {
      out.write(extension);
    }
    if (sized) {
      Leb128.write(out, payloadSize);
    }
    byte[] payload = Payloads.randomBytes(random, payloadSize);
    out.write(payload, 0, payload.length);
    return out.toByteArray();
  }

  /** The OBU with an obu_size field added. */
  static byte[] withSize(byte[] obu) {
    int header = obu.length > 0 ? obu[0] & 0xFF : 0;
    int headerLength = (header & 0x04) != 0 ? 2 : 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(header | 0x02);
    out.write(obu, 1, headerLength - 1);
    Leb128.write(out, obu.length - headerLength);
    out.write(obu, headerLength, obu.length - headerLength);
    return out.toByteArray();
  }

  /** A sequence header and a frame fit in one payload: W=2, N=1, the last length implicit. */
  @Test
  void knownAggregatedPayload() throws ParseException {
    byte[] frame =
        Hex.bytes(
            "12 00" // temporal delimiter, dropped
                + " 0a 03 aa bb cc" // sequence header: type 1, has_size, obu_size 3
                + " 32 02 dd ee"); // frame: type 6, has_size, obu_size 2
    List<byte[]> payloads = packetizer.packetize(frame, 1200);
    assertEquals(
        List.of(
            "28" // Z=0 Y=0 W=2 N=1
                + "04" // element 1 length 4
                + "08aabbcc" // the sequence header without obu_size (has_size_field=0)
                + "30ddee"), // element 2, the frame, its length implicit
        payloads.stream().map(Hex::hex).toList());
    assertArrayEquals(Hex.bytes("0a 03 aa bb cc 32 02 dd ee"), depacketizer.depacketize(payloads));
    assertTrue(depacketizer.isKeyframe(payloads.get(0), 0, payloads.get(0).length));
  }

  /** One frame OBU of 11 bytes in three fragments of a 6-byte payload. */
  @Test
  void knownFragments() throws ParseException {
    byte[] frame = Hex.bytes("32 0a 01 02 03 04 05 06 07 08 09 0a");
    List<byte[]> payloads = packetizer.packetize(frame, 6);
    assertEquals(
        List.of(
            "50" + "3001020304", // Z=0 Y=1 W=1: the OBU header and four bytes
            "d0" + "0506070809", // Z=1 Y=1 W=1
            "90" + "0a"), // Z=1 Y=0 W=1
        payloads.stream().map(Hex::hex).toList());
    assertArrayEquals(frame, depacketizer.depacketize(payloads));
    assertTrue(depacketizer.isFrameStart(payloads.get(0), 0, 6));
    assertFalse(depacketizer.isFrameStart(payloads.get(1), 0, 6));
    assertFalse(depacketizer.isKeyframe(payloads.get(0), 0, 6));
  }

  /**
   * The spec's §4.5 example: a 303-byte payload, W=2, element 1 of 200 bytes with a two-byte leb128
   * length (0xc8 0x01), element 2 of 100 bytes without one.
   */
  @Test
  void specExampleOf303Bytes() throws ParseException {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.write(0x20); // Z=0 Y=0 W=2 N=0
    payload.write(0xc8); // 200 in leb128: 0x48 | 0x80, then 0x01
    payload.write(0x01);
    payload.write(0x30); // element 1: a frame OBU header, then 199 bytes
    payload.write(new byte[199], 0, 199);
    payload.write(0x18); // element 2: a frame header OBU (type 3), then 99 bytes
    payload.write(new byte[99], 0, 99);
    byte[] bytes = payload.toByteArray();
    assertEquals(303, bytes.length);
    byte[] frame = depacketizer.depacketize(List.of(bytes));
    ByteReader in = new ByteReader(frame);
    assertEquals(0x32, in.u8()); // has_size_field now set
    assertEquals(199, Leb128.read(in));
    in.skip(199);
    assertEquals(0x1a, in.u8());
    assertEquals(99, Leb128.read(in));
    in.skip(99);
    assertFalse(in.hasRemaining());
  }

  @Test
  void layersNeverShareAPayload() throws ParseException {
    byte[] frame =
        Hex.bytes(
            "36 00 02 aa bb" // frame, extension temporal_id 0 spatial_id 0, obu_size 2
                + " 36 08 01 cc" // frame, spatial_id 1
                + " 36 08 01 dd"); // frame, spatial_id 1
    List<byte[]> payloads = packetizer.packetize(frame, 1200);
    assertEquals(
        List.of(
            "10" + "3400aabb", // W=1: spatial layer 0 alone
            "20" + "03" + "3408cc" + "3408dd"), // W=2: the two OBUs of spatial layer 1
        payloads.stream().map(Hex::hex).toList());
    assertArrayEquals(frame, depacketizer.depacketize(payloads));
  }

  @Test
  void receivedObuSizesAreKeptWhenRight() throws ParseException {
    // The sender kept obu_has_size_field=1: fine if obu_size matches the element.
    assertArrayEquals(
        Hex.bytes("32 01 aa"), depacketizer.depacketize(List.of(Hex.bytes("10 32 01 aa"))));
    assertRefused(List.of(Hex.bytes("10 32 02 aa")));
    // Tile lists and temporal delimiters are ignored.
    assertArrayEquals(
        Hex.bytes("32 01 aa"),
        depacketizer.depacketize(List.of(Hex.bytes("30 01 10 01 40 32 01 aa"))));
  }

  @Test
  void malformedPayloadsThrowOnlyParseException() {
    List<byte[]> frame =
        List.of(
            Hex.bytes("58 04 08 aa bb cc 30 dd ee"),
            Hex.bytes("c0 05 01 02 03 04 05"),
            Hex.bytes("80 03 06 07 08"));
    assertTrue(Payloads.everyTruncation(depacketizer, frame) > 0);
    assertRefused(List.of(Hex.bytes("90 30 01"))); // Z=1 first
    assertRefused(List.of(Hex.bytes("50 30 01"))); // Y=1 last
    assertRefused(List.of(Hex.bytes("50 30 01"), Hex.bytes("10 30 01"))); // Z=0 after Y=1
    assertRefused(List.of(Hex.bytes("00 00"))); // empty element
    assertRefused(List.of(Hex.bytes("00"))); // no element
    assertRefused(List.of(Hex.bytes("30 02 30 01"))); // W=3, two elements
    assertRefused(List.of(Hex.bytes("00 05 30 01"))); // length overruns
    assertRefused(List.of(Hex.bytes("10 b0 01"))); // obu_forbidden_bit
    assertRefused(List.of(Hex.bytes("00 ff ff ff ff ff ff ff ff 01"))); // leb128 of 9 bytes
    assertRefused(List.of(Hex.bytes("00 ff ff ff ff 7f 30"))); // leb128 too large
    assertRefused(List.of());
  }

  @Test
  void badTemporalUnitsAreTheCallersBug() {
    assertThrows(
        IllegalArgumentException.class, () -> packetizer.packetize(TEMPORAL_DELIMITER, 1200));
    assertThrows(
        IllegalArgumentException.class, () -> packetizer.packetize(Hex.bytes("32 05 01"), 1200));
    assertThrows(
        IllegalArgumentException.class, () -> packetizer.packetize(Hex.bytes("b2 00"), 1200));
    assertThrows(IllegalArgumentException.class, () -> packetizer.packetize(Hex.bytes("32 00"), 1));
    assertThrows(IllegalArgumentException.class, () -> packetizer.packetize(new byte[0], 1200));
  }

  @Test
  void leb128() throws ParseException {
    for (int v : new int[] {0, 1, 127, 128, 16383, 16384, Integer.MAX_VALUE}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Leb128.write(out, v);
      assertEquals(Leb128.size(v), out.size());
      assertEquals(v, Leb128.read(new ByteReader(out.toByteArray())));
    }
    // Non-minimal encodings read too: 0x80 0x00 is 0.
    assertEquals(0, Leb128.read(new ByteReader(Hex.bytes("80 00"))));
  }

  private void assertRefused(List<byte[]> payloads) {
    assertThrows(ParseException.class, () -> depacketizer.depacketize(payloads));
  }
}
