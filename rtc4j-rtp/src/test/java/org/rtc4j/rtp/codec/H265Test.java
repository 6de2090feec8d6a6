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
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

/** H.265 (RFC 7798): single NAL unit packets, APs and FUs. */
class H265Test {
  private final H265Packetizer packetizer = new H265Packetizer();
  private final H265Depacketizer depacketizer = new H265Depacketizer();

  // NAL unit headers |F|Type(6)|LayerId(6)|TID(3)|: type << 9 | TID 1.
  private static final byte[] VPS = Hex.bytes("40 01 0c 01 ff ff 01 60");
  private static final byte[] SPS = Hex.bytes("42 01 01 01 60 00 00 03 00 b0");
  private static final byte[] PPS = Hex.bytes("44 01 c1 72 b4 62 40");

  @Test
  void roundTripOfRandomAccessUnits() {
    qt().withFixedSeed(0x7798L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              List<byte[]> units = NalUnits.list();
              boolean key = random.nextBoolean();
              if (key) {
                units.add(VPS);
                units.add(SPS);
                units.add(PPS);
              }
              int budget = Payloads.frameLength(random);
              int total = 0;
              do {
                // IDR_W_RADL (19) for a keyframe, else TRAIL_N to RASL_R (0 to 9).
                int type = key ? 19 : random.nextInt(10);
                int layerId = random.nextInt(4) == 0 ? random.nextInt(64) : 0;
                int tid = 1 + random.nextInt(7);
                int header = (type << 9) | (layerId << 3) | tid;
                byte[] unit =
                    NalUnits.unit(
                        random,
                        new byte[] {(byte) (header >>> 8), (byte) header},
                        Math.min(budget, NalUnits.bodyLength(random)));
                units.add(unit);
                total += unit.length;
              } while (total < budget);
              byte[] frame = NalUnits.annexB(random, units);
              int mtu = random.nextInt(4) == 0 ? 4 + random.nextInt(100) : Payloads.MTU;
              List<byte[]> payloads = packetizer.packetize(frame, mtu);
              Payloads.assertFit(payloads, mtu);
              try {
                assertArrayEquals(NalUnits.canonical(units), depacketizer.depacketize(payloads));
                Payloads.assertFrameBoundaries(depacketizer, payloads, false);
                boolean sawKey = false;
                for (byte[] payload : payloads) {
                  sawKey |= Payloads.at(depacketizer, payload).keyframe();
                }
                assertEquals(key, sawKey);
                if (key && mtu == Payloads.MTU) {
                  assertEquals(48, (payloads.get(0)[0] >>> 1) & 0x3F); // VPS, SPS, PPS in an AP
                }
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
            });
  }

  /** RFC 7798 §4.4.2, Figure 7: an AP with the VPS, SPS and PPS. */
  @Test
  void knownAggregationPacket() throws ParseException {
    byte[] frame = NalUnits.canonical(List.of(VPS, SPS, PPS));
    byte[] expected =
        Hex.bytes(
            "60 01" // PayloadHdr: F=0 Type=48 LayerId=0 TID=1 (the units' lowest)
                + " 00 08 40 01 0c 01 ff ff 01 60" // NALU 1 size 8, the VPS
                + " 00 0a 42 01 01 01 60 00 00 03 00 b0" // NALU 2 size 10, the SPS
                + " 00 07 44 01 c1 72 b4 62 40"); // NALU 3 size 7, the PPS
    List<byte[]> payloads = packetizer.packetize(frame, 1200);
    assertEquals(List.of(Hex.hex(expected)), payloads.stream().map(Hex::hex).toList());
    assertArrayEquals(frame, depacketizer.depacketize(payloads));
    assertFalse(depacketizer.isKeyframe(expected, 0, expected.length)); // parameter sets only
    assertTrue(depacketizer.isFrameStart(expected, 0, expected.length));
  }

  /** RFC 7798 §4.4.3, Figure 9: an IDR_W_RADL unit (type 19) in three FUs. */
  @Test
  void knownFragmentationUnits() throws ParseException {
    byte[] unit = Hex.bytes("26 01 af 01 02 03 04 05 06");
    List<byte[]> payloads = packetizer.packetize(NalUnits.canonical(List.of(unit)), 6);
    assertEquals(
        List.of(
            "6201" + "93" + "af0102", // PayloadHdr Type=49 TID=1; FU header S=1 FuType=19
            "6201" + "13" + "030405", // S=0 E=0
            "6201" + "53" + "06"), // E=1
        payloads.stream().map(Hex::hex).toList());
    assertArrayEquals(NalUnits.canonical(List.of(unit)), depacketizer.depacketize(payloads));
    assertTrue(depacketizer.isFrameStart(payloads.get(0), 0, payloads.get(0).length));
    assertFalse(depacketizer.isFrameStart(payloads.get(2), 0, payloads.get(2).length));
    for (byte[] p : payloads) {
      assertTrue(depacketizer.isKeyframe(p, 0, p.length));
    }
    byte[] trail = Hex.bytes("02 01 d0 80"); // TRAIL_R
    assertFalse(depacketizer.isKeyframe(trail, 0, trail.length));
    byte[] cra = Hex.bytes("2a 01 d0 80"); // CRA_NUT, type 21
    assertTrue(depacketizer.isKeyframe(cra, 0, cra.length));
  }

  @Test
  void apHeaderTakesTheLowestLayerAndTid() {
    byte[] a = Hex.bytes("02 0b aa"); // TRAIL_R, LayerId 1, TID 3
    byte[] b = Hex.bytes("82 12 bb"); // F=1, LayerId 2, TID 2
    List<byte[]> payloads = packetizer.packetize(NalUnits.canonical(List.of(a, b)), 1200);
    // F=1, Type=48, LayerId=1, TID=2
    assertEquals("e00a" + "0003020baa" + "00038212bb", Hex.hex(payloads.get(0)));
  }

  @Test
  void malformedPayloadsThrowOnlyParseException() {
    byte[] ap = Hex.bytes("60 01 00 08 40 01 0c 01 ff ff 01 60 00 07 44 01 c1 72 b4 62 40");
    List<byte[]> fus =
        List.of(Hex.bytes("62 01 93 af 01"), Hex.bytes("62 01 13 03"), Hex.bytes("62 01 53 06"));
    assertTrue(
        Payloads.everyTruncation(depacketizer, List.of(ap, fus.get(0), fus.get(1), fus.get(2)))
            > 0);
    assertRefused(List.of(fus.get(1), fus.get(2))); // no start
    assertRefused(List.of(fus.get(0), fus.get(1))); // no end
    assertRefused(List.of(fus.get(0), ap, fus.get(2))); // interrupted
    assertRefused(List.of(Hex.bytes("62 01 d3 01"))); // S and E
    assertRefused(List.of(Hex.bytes("62 01 b0 01"))); // fragment of an AP
    assertRefused(List.of(Hex.bytes("60 01 00 01 40"))); // AP unit shorter than a header
    assertRefused(List.of(Hex.bytes("60 01"))); // AP with no units
    assertRefused(List.of(Hex.bytes("64 01 00 00"))); // PACI
    assertRefused(List.of(Hex.bytes("02 00 aa"))); // TID 0
    assertRefused(List.of(Hex.bytes("02")));
    assertRefused(List.of());
  }

  @Test
  void unspecifiedTypesAreIgnored() throws ParseException {
    byte[] unspecified = Hex.bytes("7e 01 aa"); // type 63
    assertArrayEquals(
        NalUnits.canonical(List.of(PPS)), depacketizer.depacketize(List.of(unspecified, PPS)));
    assertFalse(depacketizer.isFrameStart(unspecified, 0, unspecified.length));
  }

  @Test
  void badAccessUnitsAreTheCallersBug() {
    assertThrows(IllegalArgumentException.class, () -> packetizer.packetize(new byte[0], 1200));
    assertThrows(
        IllegalArgumentException.class, () -> packetizer.packetize(Hex.bytes("00 00 01 40"), 1200));
    assertThrows(IllegalArgumentException.class, () -> packetizer.packetize(SPS, 3));
  }

  private void assertRefused(List<byte[]> payloads) {
    assertThrows(ParseException.class, () -> depacketizer.depacketize(payloads));
  }
}
