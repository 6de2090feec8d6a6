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

/** H.264 (RFC 6184): single NAL unit packets, STAP-A and FU-A, modes 0 and 1. */
class H264Test {
  private final H264Depacketizer depacketizer = new H264Depacketizer();

  private static final byte[] SPS = Hex.bytes("67 42 c0 1f da 01 40 16 ec 04 40");
  private static final byte[] PPS = Hex.bytes("68 ce 3c 80");

  @Test
  void roundTripOfRandomAccessUnits() {
    qt().withFixedSeed(0x6184L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              List<byte[]> units = NalUnits.list();
              int budget = Payloads.frameLength(random);
              boolean key = random.nextBoolean();
              if (key) {
                units.add(SPS);
                units.add(PPS);
              }
              int total = 0;
              do {
                // F=0, any NRI, a type that is not SPS or IDR unless this is a keyframe.
                int type = key ? 5 : 1 + random.nextInt(4);
                int header = (random.nextInt(4) << 5) | type;
                byte[] unit =
                    NalUnits.unit(
                        random,
                        new byte[] {(byte) header},
                        Math.min(budget, NalUnits.bodyLength(random)));
                units.add(unit);
                total += unit.length;
              } while (total < budget);
              byte[] frame = NalUnits.annexB(random, units);
              int mtu = random.nextInt(4) == 0 ? 3 + random.nextInt(100) : Payloads.MTU;
              List<byte[]> payloads = new H264Packetizer(1).packetize(frame, mtu);
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
                  // SPS and PPS fit together: the first payload is a STAP-A that is a keyframe.
                  assertEquals(24, payloads.get(0)[0] & 0x1F);
                  assertTrue(Payloads.at(depacketizer, payloads.get(0)).keyframe());
                }
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void modeZeroSendsEachUnitAloneAndRefusesLargeOnes() throws ParseException {
    byte[] frame =
        NalUnits.annexB(new SplittableRandom(1), List.of(SPS, PPS, Hex.bytes("65 88 84")));
    List<byte[]> payloads = new H264Packetizer(0).packetize(frame, 100);
    assertEquals(3, payloads.size());
    assertArrayEquals(SPS, payloads.get(0));
    assertArrayEquals(PPS, payloads.get(1));
    assertArrayEquals(Hex.bytes("65 88 84"), payloads.get(2));
    assertArrayEquals(
        NalUnits.canonical(List.of(SPS, PPS, Hex.bytes("65 88 84"))),
        depacketizer.depacketize(payloads));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new H264Packetizer(0).packetize(frame, 10));
    assertTrue(e.getMessage().contains("packetization-mode 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new H264Packetizer(2));
    assertThrows(
        IllegalArgumentException.class,
        () -> new H264Packetizer(1).packetize(Hex.bytes("00 00 00 01"), 1200));
    assertThrows(IllegalArgumentException.class, () -> new H264Packetizer(1).packetize(SPS, 2));
  }

  /** RFC 6184 §5.7.1, Figure 7: a STAP-A with two NAL units, here SPS and PPS. */
  @Test
  void knownStapA() throws ParseException {
    byte[] frame = NalUnits.canonical(List.of(SPS, PPS));
    List<byte[]> payloads = new H264Packetizer(1).packetize(frame, 1200);
    byte[] expected =
        Hex.bytes(
            "78" // F=0 NRI=3 (the larger of the two units') type=24 STAP-A
                + " 00 0b 67 42 c0 1f da 01 40 16 ec 04 40" // NALU 1 size 11, the SPS
                + " 00 04 68 ce 3c 80"); // NALU 2 size 4, the PPS
    assertEquals(1, payloads.size());
    assertEquals(Hex.hex(expected), Hex.hex(payloads.get(0)));
    assertArrayEquals(frame, depacketizer.depacketize(payloads));
    assertTrue(depacketizer.isKeyframe(expected, 0, expected.length));
    assertTrue(depacketizer.isFrameStart(expected, 0, expected.length));
  }

  /** RFC 6184 §5.8, Figures 14 and 15: an IDR slice of NRI 3 in three FU-As. */
  @Test
  void knownFuA() throws ParseException {
    byte[] unit = Hex.bytes("65 01 02 03 04 05 06 07");
    List<byte[]> payloads = new H264Packetizer(1).packetize(NalUnits.canonical(List.of(unit)), 5);
    assertEquals(
        List.of(
            "7c" + "85" + "010203", // FU indicator F=0 NRI=3 type=28; FU header S=1 type=5
            "7c" + "05" + "040506", // S=0 E=0
            "7c" + "45" + "07"), // E=1
        payloads.stream().map(Hex::hex).toList());
    assertArrayEquals(NalUnits.canonical(List.of(unit)), depacketizer.depacketize(payloads));
    assertTrue(depacketizer.isFrameStart(payloads.get(0), 0, payloads.get(0).length));
    assertFalse(depacketizer.isFrameStart(payloads.get(1), 0, payloads.get(1).length));
    for (byte[] p : payloads) {
      assertTrue(depacketizer.isKeyframe(p, 0, p.length));
    }
    byte[] slice = Hex.bytes("41 9a 02");
    assertFalse(depacketizer.isKeyframe(slice, 0, slice.length));
    assertTrue(depacketizer.isFrameStart(slice, 0, slice.length));
  }

  @Test
  void malformedPayloadsThrowOnlyParseException() {
    byte[] stap = Hex.bytes("78 00 0b 67 42 c0 1f da 01 40 16 ec 04 40 00 04 68 ce 3c 80");
    List<byte[]> fus =
        List.of(Hex.bytes("7c 85 01 02"), Hex.bytes("7c 05 03"), Hex.bytes("7c 45 04"));
    assertTrue(
        Payloads.everyTruncation(depacketizer, List.of(stap, fus.get(0), fus.get(1), fus.get(2)))
            > 0);
    // FU-A sequences that do not make a whole unit.
    assertRefused(List.of(fus.get(1), fus.get(2))); // no start
    assertRefused(List.of(fus.get(0), fus.get(1))); // no end
    assertRefused(List.of(fus.get(0), stap, fus.get(2))); // interrupted
    assertRefused(List.of(fus.get(0), fus.get(0), fus.get(2))); // two starts
    assertRefused(List.of(fus.get(0), Hex.bytes("7c 41 04"))); // end of another type
    assertRefused(List.of(Hex.bytes("7c c5 01"))); // S and E
    assertRefused(List.of(Hex.bytes("7c 98 01"))); // fragment of a STAP-A
    assertRefused(List.of(Hex.bytes("78 00 00 67"))); // STAP-A unit of size 0
    assertRefused(List.of(Hex.bytes("78"))); // STAP-A with no units
    assertRefused(List.of(Hex.bytes("78 00 05 67 42"))); // STAP-A unit overruns
    assertRefused(List.of(Hex.bytes("79 00 01 67"))); // STAP-B
    assertRefused(List.of(Hex.bytes("7d 85 01"))); // FU-B
    assertRefused(List.of(new byte[0]));
    assertRefused(List.of());
    assertThrows(ParseException.class, () -> depacketizer.isFrameStart(Hex.bytes("7a"), 0, 1));
  }

  @Test
  void undefinedTypesAreIgnored() throws ParseException {
    byte[] reserved = Hex.bytes("1e 01 02"); // type 30
    assertArrayEquals(
        NalUnits.canonical(List.of(PPS)), depacketizer.depacketize(List.of(reserved, PPS)));
    assertFalse(depacketizer.isFrameStart(reserved, 0, reserved.length));
  }

  private void assertRefused(List<byte[]> payloads) {
    assertThrows(ParseException.class, () -> depacketizer.depacketize(payloads));
  }
}
