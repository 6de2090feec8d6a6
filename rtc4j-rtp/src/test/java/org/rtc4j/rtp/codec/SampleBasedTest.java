package org.rtc4j.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;

/** G.711 and G.722 (RFC 3551 §4.5): octets as they are, 20 ms to a packet. */
class SampleBasedTest {
  private final SampleBasedDepacketizer depacketizer = new SampleBasedDepacketizer();

  @Test
  void twentyMillisecondsIs160OctetsAnd160TimestampUnits() {
    SampleBasedPacketizer g711 = SampleBasedPacketizer.g711(20);
    SampleBasedPacketizer g722 = SampleBasedPacketizer.g722(20);
    assertEquals(160, g711.octetsPerPacket());
    assertEquals(160, g722.octetsPerPacket());
    // RFC 3551 §4.5.2: G.722's RTP clock runs at 8000 Hz, although it samples at 16 kHz.
    assertEquals(160, g722.timestampIncrement(160));
    assertEquals(160, g711.timestampIncrement(160));
    List<byte[]> payloads = g711.packetize(new byte[1000], 1200);
    assertEquals(7, payloads.size()); // 6 × 160 + 40
    assertEquals(40, payloads.get(6).length);
  }

  @Test
  void roundTripOfRandomStreams() {
    qt().withFixedSeed(0x0711L)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              byte[] frame = Payloads.randomBytes(random, Payloads.frameLength(random));
              int millis = 10 * (1 + random.nextInt(20));
              SampleBasedPacketizer packetizer =
                  random.nextBoolean()
                      ? SampleBasedPacketizer.g711(millis)
                      : SampleBasedPacketizer.g722(millis);
              List<byte[]> payloads = packetizer.packetize(frame, Payloads.MTU);
              Payloads.assertFit(payloads, Math.min(Payloads.MTU, packetizer.octetsPerPacket()));
              for (int i = 0; i < payloads.size() - 1; i++) {
                assertEquals(
                    Math.min(Payloads.MTU, packetizer.octetsPerPacket()), payloads.get(i).length);
              }
              try {
                assertArrayEquals(frame, depacketizer.depacketize(payloads));
                Payloads.assertFrameBoundaries(depacketizer, payloads, true);
                assertTrue(Payloads.at(depacketizer, payloads.get(0)).keyframe());
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void nothingIsMalformed() {
    assertEquals(0, Payloads.everyTruncation(depacketizer, List.of(new byte[] {1, 2, 3})));
  }

  @Test
  void badArgumentsAreTheCallersBug() {
    assertThrows(IllegalArgumentException.class, () -> new SampleBasedPacketizer(0));
    assertThrows(IllegalArgumentException.class, () -> SampleBasedPacketizer.g711(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> SampleBasedPacketizer.g722(20).packetize(new byte[0], 100));
    assertThrows(
        IllegalArgumentException.class,
        () -> SampleBasedPacketizer.g722(20).packetize(new byte[5], 0));
  }
}
